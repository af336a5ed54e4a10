package io.tenantctl.state.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantctl.state.StateException;
import io.tenantctl.testing.Postgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --state} URLs: what reaches the driver, what a user is shown, and what is refused. */
class StateUrlTest {

    @Test
    void sqliteIsAPath() {
        StateUrl url = StateUrl.parse("sqlite:.tenantctl/state.db");
        assertThat(url.kind()).isEqualTo(StateUrl.Kind.SQLITE);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:.tenantctl/state.db");
        assertThat(url.sqlitePath()).isEqualTo(Path.of(".tenantctl/state.db"));
        assertThat(StateUrl.parse("sqlite:///tmp/s.db").sqlitePath()).isEqualTo(Path.of("/tmp/s.db"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgresql://tenantctl:s3cret@db:5432/tenantctl | jdbc:postgresql://db:5432/tenantctl"
                        + " | postgresql://tenantctl:***@db:5432/tenantctl | tenantctl | s3cret",
                "postgres://db/state | jdbc:postgresql://db:5432/state | postgresql://db:5432/state | '' | ''",
                "postgresql://ci@db | jdbc:postgresql://db:5432/postgres | postgresql://ci@db:5432/postgres | ci | ''",
                "postgresql://u:p%40ss@db1:5432,db2:6543/tc?targetServerType=primary"
                        + " | jdbc:postgresql://db1:5432,db2:6543/tc?targetServerType=primary"
                        + " | postgresql://u:***@db1:5432,db2:6543/tc | u | p@ss",
                "postgresql://u@[::1]:5433,10.0.0.2/tc | jdbc:postgresql://[::1]:5433,10.0.0.2:5432/tc"
                        + " | postgresql://u@[::1]:5433,10.0.0.2:5432/tc | u | ''",
            })
    void postgresqlUrlsReachTheDriverWithTheirHostsAndNeverShowThePassword(
            String text, String jdbc, String shown, String user, String password) {
        StateUrl url = StateUrl.parse(text);
        assertThat(url.kind()).isEqualTo(StateUrl.Kind.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.display()).isEqualTo(shown);
        assertThat(url.user()).isEqualTo(user);
        assertThat(url.password()).isEqualTo(password);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "postgresql://",
                "postgresql://u:secret@/db",
                "postgresql://db1,/db",
                "postgresql://db:0/db",
                "postgresql://db:99999/db",
                "postgresql://db:port/db",
                "postgresql://bad host/db",
                "postgresql://[::1/db",
                "mysql://db/db",
                "sqlite:",
                "state.db",
            })
    void malformedUrlsAreRefusedWithoutShowingThePassword(String text) {
        assertThatThrownBy(() -> StateUrl.parse(text))
                .isInstanceOf(StateException.class)
                .hasMessageStartingWith("invalid --state URL ")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aListOfHostsFailsOverToTheOneThatAnswers() {
        // port 1 on the loopback refuses at once: the driver moves on to the real server
        String url = Postgres.newDatabase()
                .replace("postgresql://postgres@localhost:", "postgresql://postgres@127.0.0.1:1,localhost:");
        try (JdbcStateStore store =
                JdbcStateStore.open(url, Clock.systemUTC(), () -> "failover", Duration.ofSeconds(10))) {
            assertThat(store.read().lineage()).isEqualTo("failover");
            assertThat(store.location()).startsWith("postgresql://postgres@127.0.0.1:1,localhost:");
        }
    }
}
