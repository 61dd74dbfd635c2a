package io.glossa.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Collects (probability, right?) pairs into equal-width bins and computes the ECE. */
final class CalibrationTally {
    private final int[] counts;
    private final int[] hits;
    private final double[] probabilitySums;
    private int n;

    CalibrationTally(int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("need at least one calibration bin, got " + binCount);
        }
        counts = new int[binCount];
        hits = new int[binCount];
        probabilitySums = new double[binCount];
    }

    void add(double probability, boolean correct) {
        int bin = binOf(probability);
        counts[bin]++;
        probabilitySums[bin] += probability;
        if (correct) {
            hits[bin]++;
        }
        n++;
    }

    /** Bin i holds [i/B, (i+1)/B); 1.0 (and anything above, from rounding) goes to the last bin. */
    private int binOf(double probability) {
        int bin = (int) Math.floor(probability * counts.length);
        return Math.max(0, Math.min(counts.length - 1, bin));
    }

    Calibration result() {
        List<ReliabilityBin> bins = new ArrayList<>(counts.length);
        double ece = 0.0;
        for (int i = 0; i < counts.length; i++) {
            double mean = counts[i] == 0 ? 0.0 : probabilitySums[i] / counts[i];
            double accuracy = counts[i] == 0 ? 0.0 : (double) hits[i] / counts[i];
            bins.add(new ReliabilityBin(
                    (double) i / counts.length, (double) (i + 1) / counts.length, counts[i], mean, accuracy));
            if (n > 0) {
                ece += (double) counts[i] / n * Math.abs(mean - accuracy);
            }
        }
        return new Calibration(ece, n, bins);
    }
}
