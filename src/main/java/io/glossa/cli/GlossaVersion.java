package io.glossa.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}, taken from the jar manifest when packaged. */
final class GlossaVersion implements IVersionProvider {
    public static String current() {
        String v = GlossaVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"glossa " + current()};
    }
}
