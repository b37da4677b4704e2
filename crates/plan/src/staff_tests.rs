use proptest::prelude::*;

use super::*;

#[test]
fn a_fresh_browser_is_a_visitors_and_cannot_record() {
    let profile = Profile::read(None, None, None);
    assert_eq!(profile, Profile::default());
    assert_eq!(profile.role, Role::Visitor);
    assert!(!profile.can_record());
    assert_eq!(profile.missing(), vec![ProfileField::Name, ProfileField::Owner]);
}

#[test]
fn a_name_kept_before_roles_existed_keeps_the_browser_recording() {
    let profile = Profile::read(None, Some("  嘉麻 太郎 "), None);
    assert_eq!(profile.role, Role::Recorder);
    assert_eq!(profile.author(), Some("嘉麻 太郎"));
    assert!(profile.can_record());
    assert_eq!(profile.missing(), vec![ProfileField::Owner], "the 担当 is still to be asked");
    assert_eq!(Profile::read(None, Some("   "), None).role, Role::Visitor, "a blank name was no name");
}

fn stored(profile: &Profile) -> Profile {
    Profile::read(Some(profile.role.code()), Some(&profile.name), Some(&profile.owner))
}

#[test]
fn a_stored_role_wins_over_the_old_reading_and_round_trips() {
    let profile = Profile { role: Role::Secretariat, name: "山田".into(), owner: "商工観光課".into() };
    assert_eq!(stored(&profile), profile);
    assert!(profile.can_record());
    assert!(profile.missing().is_empty());
    let stopped = Profile::read(Some("visitor"), Some("山田"), None);
    assert_eq!(stopped.role, Role::Visitor, "who stopped recording stays stopped, name kept");
    assert_eq!(stopped.name, "山田");
}

#[test]
fn an_unknown_role_is_not_guessed() {
    assert_eq!(Profile::read(Some("admin"), Some("山田"), None).role, Role::Visitor);
    assert_eq!(Profile::read(Some(""), None, None), Profile::default());
}

#[test]
fn recording_needs_a_role_and_a_name_not_only_spaces() {
    let named = Profile::default().with_name("山田").with_owner("商工会");
    assert!(!named.can_record());
    assert!(named.with_role(Role::Recorder).can_record());
    assert!(!named.with_role(Role::Recorder).with_name(" \u{3000}").can_record(), "a full-width space is no name");
}

proptest! {
    #[test]
    fn whatever_is_typed_is_kept_as_typed_within_bounds(name in ".{0,80}", owner in ".{0,80}") {
        let profile = Profile::default().with_role(Role::Recorder).with_name(&name).with_owner(&owner);
        prop_assert!(profile.name.chars().count() <= Profile::MAX_CHARS);
        prop_assert!(name.starts_with(&profile.name), "cut, never rewritten");
        prop_assert_eq!(stored(&profile), profile.clone());
        prop_assert_eq!(profile.can_record(), !profile.name.trim().is_empty());
    }
}
