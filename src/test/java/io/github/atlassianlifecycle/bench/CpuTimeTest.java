package io.github.atlassianlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void user_and_system_ticks_are_read_after_a_command_name_with_spaces() {
        String stat = "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 566 0 0 20 0 40 0 100 0 0";

        assertThat(CpuTime.parse(stat)).isEqualTo(18.0);
    }

    @Test
    void this_jvm_has_used_some_cpu() {
        assertThat(CpuTime.seconds(ProcessHandle.current().pid())).isPositive();
    }
}
