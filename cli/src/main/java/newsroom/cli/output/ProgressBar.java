package newsroom.cli.output;

/** "[#########-----------]  9/20 files" */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    public static String render(long done, long total, String unit) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit;
    }
}
