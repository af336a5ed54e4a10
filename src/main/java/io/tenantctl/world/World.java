package io.tenantctl.world;

import io.tenantctl.model.Kind;
import io.tenantctl.model.WorldObject;
import java.util.Collection;

/**
 * An immutable world: what the state store holds, or what the manifests ask for. Equal worlds hold
 * equal objects; iteration is always sorted (kind order, then name or sign-in name).
 */
public final class World extends IndexedWorld {

    private static final World EMPTY = new World(new Index());

    private World(Index index) {
        super(index);
    }

    public static World empty() {
        return EMPTY;
    }

    /**
     * A world of these objects. Two objects of the same kind and name, or two accounts with the
     * same sign-in name, are a programming error here: validation drops them first.
     */
    public static World of(Collection<? extends WorldObject> objects) {
        int[] count = new int[Kind.values().length];
        for (WorldObject object : objects) {
            count[object.kind().ordinal()]++;
        }
        Index index = new Index(
                count[Kind.TENANT.ordinal()], count[Kind.ACCOUNT.ordinal()], count[Kind.SUBSCRIPTION.ordinal()]);
        for (WorldObject object : objects) {
            if (index.put(object).isPresent()) {
                throw new IllegalArgumentException("duplicate object " + object.ref());
            }
        }
        return new World(index);
    }

    static World wrap(Index index) {
        return new World(index);
    }

    /** A working copy to simulate steps on. */
    public MutableWorld toMutable() {
        return new MutableWorld(index.copy());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof World w && w.objects().equals(objects());
    }

    @Override
    public int hashCode() {
        return objects().hashCode();
    }

    @Override
    public String toString() {
        return "World[" + tenants().size() + " tenants, " + accounts().size() + " accounts, "
                + subscriptions().size() + " subscriptions]";
    }
}
