package newsroom.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by Maven), for {@code newsroom --version}. */
public class NewsroomVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = NewsroomVersion.class.getPackage().getImplementationVersion();
        return new String[] {"newsroom " + (version == null ? "(development build)" : version)};
    }
}
