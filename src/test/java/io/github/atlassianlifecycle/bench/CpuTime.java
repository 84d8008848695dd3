package io.github.atlassianlifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds a process has used (user + system), from Linux's {@code /proc/<pid>/stat}: on a shared 2-core machine
 * what a stage cost each process is a steadier figure than wall time, and it says whose work the time went to.
 */
final class CpuTime {

    /** Linux's USER_HZ: {@code getconf CLK_TCK} is 100 on every architecture the kernel supports today. */
    static final double TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    static double seconds(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/" + pid + "/stat: the benchmark reads CPU time on Linux", e);
        }
    }

    /** utime and stime are fields 14 and 15; field 2 (the command) may hold spaces, so count from its ')'. */
    static double parse(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after[0] is field 3 (state): utime is field 14, so after[11]; stime after[12].
        return (Long.parseLong(after[11]) + Long.parseLong(after[12])) / TICKS_PER_SECOND;
    }
}
