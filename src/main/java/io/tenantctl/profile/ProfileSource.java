package io.tenantctl.profile;

/**
 * How a profile makes itself known: each profile package has one implementation, listed in
 * {@code META-INF/services/io.tenantctl.profile.ProfileSource}. {@link Profiles} finds them, so that
 * nothing outside {@code profile/} names a profile's classes, and a new profile is one new folder
 * and one line there.
 */
public interface ProfileSource {

    Profile profile();
}
