package io.glossa.web;

/**
 * A timer's histogram as Prometheus exposes it: observations since start, counted per bucket cumulatively (each
 * bucket counts everything up to its bound). Two of them, taken apart in time, give the percentiles of what
 * happened in between.
 *
 * @param bounds     bucket upper bounds in seconds, ascending
 * @param cumulative observations up to each bound
 */
record CumulativeHistogram(long count, double sumSeconds, double maxSeconds, double[] bounds, long[] cumulative) {

    /**
     * The q-quantile (seconds) of the observations made since {@code older}, as Prometheus' histogram_quantile()
     * computes it: linear inside the bucket the rank falls in; the largest bound if it falls beyond. NaN when there
     * were none, or when the two do not share a bucket layout.
     */
    double quantileSince(CumulativeHistogram older, double q) {
        if (older == null || older.bounds.length != bounds.length) {
            return Double.NaN;
        }
        long total = count - older.count;
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        long lowerCount = 0;
        for (int i = 0; i < bounds.length; i++) {
            long upToBound = cumulative[i] - older.cumulative[i];
            if (upToBound >= rank) {
                long inBucket = upToBound - lowerCount;
                return inBucket > 0
                        ? lowerBound + (bounds[i] - lowerBound) * (rank - lowerCount) / inBucket
                        : bounds[i];
            }
            lowerBound = bounds[i];
            lowerCount = upToBound;
        }
        return lowerBound;
    }
}
