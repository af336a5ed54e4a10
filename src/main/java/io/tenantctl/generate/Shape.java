package io.tenantctl.generate;

import io.tenantctl.profile.Limits;

/**
 * The shapes of manifest tree the benchmark measures, because each stresses a different stage:
 * many small files (the reading of files), a few large files (the parsing of one file's many
 * documents), one huge tenant (the indexes and the scheduler on one crowded neighbourhood).
 */
public enum Shape {
    /** {@link WorldGenerator}'s world, one file per tenant: about 11 objects per file. */
    MANY_SMALL_FILES("many-small-files"),
    /** {@link FewLargeFiles}: 8 objects per tenant, in 50 files (2,000 objects each at 100,000). */
    FEW_LARGE_FILES("few-large-files"),
    /** {@link HugeTenant}: half the objects are one tenant's accounts; subscriptions with 200 co-administrators. */
    HUGE_TENANT("huge-tenant");

    private final String option;

    Shape(String option) {
        this.option = option;
    }

    /** How {@code --shape} spells it. */
    public String option() {
        return option;
    }

    /** The world of this shape with about {@code objects} objects, and how its files are laid out. */
    public ShapedWorld generate(long seed, int objects, Limits limits) {
        return switch (this) {
            case MANY_SMALL_FILES -> ShapedWorld.byTenant(new WorldGenerator(seed).generate(objects));
            case FEW_LARGE_FILES -> new FewLargeFiles(seed).generate(objects);
            case HUGE_TENANT -> new HugeTenant(limits).generate(objects);
        };
    }

    /** The shape {@code --shape} names, or null. */
    public static Shape ofOption(String option) {
        for (Shape s : values()) {
            if (s.option.equals(option)) {
                return s;
            }
        }
        return null;
    }
}
