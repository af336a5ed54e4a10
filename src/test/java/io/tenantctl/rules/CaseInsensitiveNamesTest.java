package io.tenantctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.testing.ManifestSet;
import io.tenantctl.testing.ValidateRun;
import io.tenantctl.testing.ValidateRun.Diag;
import io.tenantctl.testing.ValidateRun.Report;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-in names and domains compare case-insensitively and whatever the machine's locale. In a
 * Turkish locale {@code "I".toLowerCase()} is a dotless {@code "ı"}, so a comparison that used the
 * default locale would find {@code IT.ADMIN@FABRIKAM.COM} and {@code it.admin@fabrikam.com} to be
 * two accounts, and {@code MAIL.IT} and {@code mail.it} to be two domains. Every name below has an
 * upper-case I in one spelling and a lower-case i in the other.
 */
class CaseInsensitiveNamesTest {

    /** Fabrikam written in capitals, referred to in lower case, and the other way round. */
    private static ManifestSet fabrikam() {
        ManifestSet w = ManifestSet.empty();
        w.tenant("fabrikam")
                .initialDomain("FABRIKAM.onmicrosoft.com")
                .domains("FABRIKAM.COM", "MAIL.IT")
                .admins("it.admin@fabrikam.com", "ITSUPPORT@OUTLOOK.COM");
        w.account("it-admin").work("IT.ADMIN@FABRIKAM.COM");
        w.account("it-mail").work("INFO@MAIL.IT");
        w.account("it-support").microsoft("itsupport@outlook.com");
        w.subscription("fabrikam-azure")
                .azure("fabrikam")
                .accountAdmin("ITSupport@Outlook.com")
                .serviceAdmin("ITSUPPORT@outlook.com")
                .coAdmins("It.Admin@Fabrikam.Com", "info@mail.it");
        return w;
    }

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"en", "tr"})
    void referencesResolveWhateverTheCase(String locale, @TempDir Path dir) {
        Report report = inLocale(locale, () -> ValidateRun.validate(fabrikam().writeTo(dir)));

        assertThat(report.diagnostics())
                .as("references to accounts and domains in other cases resolve")
                .isEmpty();
        assertThat(report.exitCode()).isZero();
    }

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"en", "tr"})
    void duplicatesAndConflictsAreFoundWhateverTheCase(String locale, @TempDir Path dir) {
        ManifestSet w = fabrikam();
        w.account("zz-it-admin").work("it.admin@fabrikam.com");
        w.tenant("italia")
                .initialDomain("italia.onmicrosoft.com")
                .domains("mail.it")
                .admins("itsupport@outlook.com", "ITSUPPORT2@OUTLOOK.COM");
        w.account("it-support-2").microsoft("itsupport2@outlook.com");
        w.subscription("fabrikam-azure").coAdmins("It.Admin@Fabrikam.Com", "info@mail.it", "itsupport2@outlook.com");

        Report report = inLocale(locale, () -> ValidateRun.validate(w.writeTo(dir)));

        assertThat(report.withCode("duplicate-sign-in-name")).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("account-zz-it-admin.yaml:6:15");
            assertThat(d.message()).contains("it.admin@fabrikam.com", "Account/it-admin");
        });
        assertThat(report.withCode("domain-conflict"))
                .containsExactly(new Diag(
                        "error",
                        "domain-conflict",
                        "domain MAIL.IT is claimed by Tenant/fabrikam and Tenant/italia; a domain belongs to one"
                                + " tenant only",
                        "tenant-fabrikam.yaml:10:5"));
        // info@mail.it has no single home any more, so it cannot co-administer fabrikam-azure.
        assertThat(report.codes())
                .containsExactlyInAnyOrder(
                        "duplicate-sign-in-name", "domain-conflict", "subscription-admin-not-in-tenant");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    private static <T> T inLocale(String tag, Supplier<T> run) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(new Locale(tag));
        try {
            return run.get();
        } finally {
            Locale.setDefault(saved);
        }
    }
}
