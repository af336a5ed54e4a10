/**
 * The {@code classic} profile: the world of the seed document (2013-2017). Work or school accounts
 * are authenticated only by their home tenant; a Microsoft account joins another tenant through
 * "Use existing directory"; an Azure subscription has an account administrator, a service
 * administrator and up to 200 co-administrators, and moving it to another tenant removes its work
 * or school co-administrators.
 */
package io.tenantctl.profile.classic;
