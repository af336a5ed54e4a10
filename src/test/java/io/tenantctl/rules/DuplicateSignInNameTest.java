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
                                "Account/johnny uses sign-in name johndoe@CONTOSO.com, which is already used by "
                                        + "Account/john-doe (at account-john-doe.yaml:6:15); sign-in names compare "
                                        + "case-insensitively"),
                // account-mike.yaml sorts before account-msmith.yaml: the later file is the one reported.
                RuleCase.of(
                                "a Microsoft account differing only in case, declared in an earlier file",
                                w -> w.account("mike").microsoft("MSmith@Hotmail.COM"))
                        .at(
                                "account-msmith.yaml:6:15",
                                "Account/msmith uses sign-in name msmith@hotmail.com, which is already used by "
                                        + "Account/mike (at account-mike.yaml:6:15); sign-in names compare "
                                        + "case-insensitively"),
                RuleCase.of(
                                "a Microsoft account with the name of a work account",
                                w -> w.account("zz-admin").microsoft("Admin@Contoso.com"))
                        .at(
                                "account-zz-admin.yaml:6:15",
                                "Account/zz-admin uses sign-in name Admin@Contoso.com, which is already used by "
                                        + "Account/contoso-admin (at account-contoso-admin.yaml:6:15); sign-in "
                                        + "names compare case-insensitively"),
                // Second document of the file: 7 lines, "---", then signInName on line 6 + 8.
                RuleCase.of(
                                "two accounts in one file",
                                w -> w.newAccount("john-doe-2", "account-john-doe.yaml")
                                        .work("JOHNDOE@contoso.com"))
                        .at(
                                "account-john-doe.yaml:14:15",
                                "Account/john-doe-2 uses sign-in name JOHNDOE@contoso.com, which is already used "
                                        + "by Account/john-doe (at account-john-doe.yaml:6:15); sign-in names "
                                        + "compare case-insensitively"));
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
