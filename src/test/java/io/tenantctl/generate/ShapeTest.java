package io.tenantctl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Severity;
import io.tenantctl.load.Limits;
import io.tenantctl.model.Account;
import io.tenantctl.model.Subscription;
import io.tenantctl.model.Tenant;
import io.tenantctl.model.WorldObject;
import io.tenantctl.profile.Profile;
import io.tenantctl.profile.classic.ClassicProfile;
import io.tenantctl.rules.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShapeTest {

    private static final Profile PROFILE = ClassicProfile.PROFILE;

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyShapeIsAValidWorldWithoutWarningsAndTheSameForTheSameSeed(Shape shape) {
        ShapedWorld first = shape.generate(7, 4_000, PROFILE.limits());
        ShapedWorld again = shape.generate(7, 4_000, PROFILE.limits());
        assertThat(again.world().objects()).isEqualTo(first.world().objects());
        assertThat(again.files()).isEqualTo(first.files());
        List<Violation> violations = PROFILE.rules().checkAll(first.world());
        assertThat(violations).as("rule errors of %s", shape).noneMatch(v -> v.severity() == Severity.ERROR);
        if (shape != Shape.MANY_SMALL_FILES) {
            // The benchmark's own shapes validate cleanly: no warning costs the run its printing.
            assertThat(violations).isEmpty();
        }
        assertThat(Shape.ofOption(shape.option())).isEqualTo(shape);
    }

    @ParameterizedTest
    @EnumSource(
            value = Shape.class,
            names = {"FEW_LARGE_FILES", "HUGE_TENANT"})
    void theFilesHoldEveryObjectOnceWithinTheLoadersLimits(Shape shape) {
        ShapedWorld shaped = shape.generate(1, 100_000, PROFILE.limits());
        Map<String, List<WorldObject>> files = shaped.files().orElseThrow();
        Set<WorldObject> written = new HashSet<>();
        for (List<WorldObject> objects : files.values()) {
            assertThat(objects.size()).isLessThanOrEqualTo(Limits.DEFAULT.maxDocumentsPerFile());
            written.addAll(objects);
        }
        assertThat(written).isEqualTo(new HashSet<>(shaped.world().objects()));
        assertThat(files.values().stream().mapToInt(List::size).sum())
                .isEqualTo(shaped.world().size());
    }

    @Test
    void fewLargeFilesIsFiftyFilesOfTwoThousandObjectsEightPerTenant() {
        ShapedWorld shaped = Shape.FEW_LARGE_FILES.generate(1, 100_000, PROFILE.limits());
        assertThat(shaped.world().size()).isEqualTo(100_000);
        assertThat(shaped.world().tenants()).hasSize(12_500);
        Map<String, List<WorldObject>> files = shaped.files().orElseThrow();
        assertThat(files).hasSize(50);
        assertThat(files.values()).allSatisfy(objects -> assertThat(objects).hasSize(2_000));
        // Whole tenants per file: each file's objects all belong to its own tenants.
        for (List<WorldObject> objects : files.values()) {
            Set<String> tenants = new HashSet<>();
            objects.stream().filter(Tenant.class::isInstance).forEach(o -> tenants.add(o.name()));
            assertThat(objects).allSatisfy(o -> assertThat(tenants).contains(tenantOf(o)));
        }
    }

    @Test
    void hugeTenantIsOneTenantOfFiftyThousandAccountsAndFullSubscriptions() {
        ShapedWorld shaped = Shape.HUGE_TENANT.generate(1, 100_000, PROFILE.limits());
        assertThat(shaped.world().size()).isEqualTo(100_000);
        assertThat(shaped.world().tenants()).hasSize(1);
        Tenant tenant = shaped.world().tenants().iterator().next();
        long home = shaped.world().accounts().stream()
                .filter(a -> !a.isMicrosoftAccount())
                .count();
        assertThat(home).isEqualTo(50_000);
        assertThat(shaped.world().subscriptions()).hasSize(500).allSatisfy(s -> {
            assertThat(s.tenant()).isEqualTo(tenant.name());
            assertThat(s.coAdministrators()).hasSize(PROFILE.limits().coAdministratorsPerSubscription());
        });
    }

    private static String tenantOf(WorldObject o) {
        if (o instanceof Subscription s) {
            return s.tenant();
        }
        if (o instanceof Account a) {
            return a.signInName().substring(a.signInName().indexOf('@') + 1).replaceFirst("\\..*", "");
        }
        return o.name();
    }
}
