package io.tenantctl.rules;

import io.tenantctl.testing.RuleCase;
import java.util.stream.Stream;

/**
 * {@code duplicate-sign-in-name}: one Account per sign-in name, compared case-insensitively. The
 * Account declared first (in file order) keeps the name; each later one is reported at its
 * {@code signInName}, naming the first Account and where it is.
 */
class DuplicateSignInNameTest extends RuleTest {

    DuplicateSignInNameTest() {
        super("duplicate-sign-in-name");
    }

    static Stream<RuleCase> failing() {
        return Stream.of(
                // account-john-doe.yaml sorts before account-johnny.yaml, so john-doe keeps the name.
                RuleCase.of(
                                "a work account differing only in case",
                                w -> w.account("johnny").work("johndoe@CONTOSO.com"))
                        .at(
                                "account-johnny.yaml:6:15",
                                "johndoe@CONTOSO.com",
                                "Account/john-doe",
                                "account-john-doe.yaml:6:15",
                                "case-insensitively"),
                // account-mike.yaml sorts before account-msmith.yaml: the later file is the one reported.
                RuleCase.of(
                                "a Microsoft account differing only in case, declared in an earlier file",
                                w -> w.account("mike").microsoft("MSmith@Hotmail.COM"))
                        .at("account-msmith.yaml:6:15", "msmith@hotmail.com", "Account/mike", "account-mike.yaml:6:15"),
                RuleCase.of(
                                "a Microsoft account with the name of a work account",
                                w -> w.account("zz-admin").microsoft("Admin@Contoso.com"))
                        .at(
                                "account-zz-admin.yaml:6:15",
                                "Admin@Contoso.com",
                                "Account/contoso-admin",
                                "account-contoso-admin.yaml:6:15"),
                // Second document of the file: 7 lines, "---", then signInName on line 6 + 8.
                RuleCase.of(
                                "two accounts in one file",
                                w -> w.newAccount("john-doe-2", "account-john-doe.yaml")
                                        .work("JOHNDOE@contoso.com"))
                        .at(
                                "account-john-doe.yaml:14:15",
                                "JOHNDOE@contoso.com",
                                "Account/john-doe",
                                "account-john-doe.yaml:6:15"));
    }

    static Stream<RuleCase> passing() {
        return Stream.of(
                RuleCase.of("the valid base world", w -> {}),
                RuleCase.of(
                        "john.doe is not johndoe", w -> w.account("john-dot").work("john.doe@contoso.com")),
                RuleCase.of(
                        "the same local part on two domains",
                        w -> w.account("msmith-outlook").microsoft("msmith@outlook.com")));
    }
}
