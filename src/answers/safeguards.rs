//! The mechanisms that make one recipient's transfers lawful.
//!
//! One recipient can need several: an EEA operator that also serves the UK sends data
//! to a US service under the EU-US Data Privacy Framework for its EU users and under
//! the UK Extension for its UK users (legal review FN-12). So the answer is a list; a
//! file may still give one mechanism as a plain string (every file written before the
//! list existed does), and one mechanism is written back that way, so files that name
//! one stay as they were and older releases keep reading them.

use super::Several;
use super::vocab::Safeguard;

/// A recipient's or transfer's mechanisms, in the operator's order, without repeats:
/// one or several, read and written as [`Several`] values are.
pub type Safeguards = Several<Safeguard>;

impl Several<Safeguard> {
    /// The answer, or `None` when it is unanswered (for `diff`'s "set"/"removed").
    pub fn answered(&self) -> Option<&Safeguards> {
        (!self.is_empty()).then_some(self)
    }

    /// The mechanisms a reader is told about, as one phrase ("the EU-US Data Privacy
    /// Framework and the UK Extension to ..."); `None` when only "none needed" (or
    /// nothing) is named.
    pub fn phrase(&self) -> Option<String> {
        use Safeguard::*;
        // A UK instrument that extends an EU one is said with it, once.
        let with = |eu: Safeguard, uk: Safeguard| self.contains(eu) && self.contains(uk);
        let dpf_and_extension = with(DataPrivacyFramework, UkExtension);
        let clauses_and_addendum = with(StandardContractualClauses, UkAddendum);
        let labels: Vec<&str> = self
            .iter()
            .filter_map(|s| match s {
                NotApplicable => None,
                UkExtension if dpf_and_extension => None,
                UkAddendum if clauses_and_addendum => None,
                DataPrivacyFramework if dpf_and_extension => {
                    Some("the EU-US Data Privacy Framework (with its UK Extension for UK users)")
                }
                StandardContractualClauses if clauses_and_addendum => {
                    Some("standard contractual clauses (with the UK Addendum for UK users)")
                }
                s => Some(s.label()),
            })
            .collect();
        match labels.as_slice() {
            [] => None,
            [one] => Some((*one).to_owned()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    }
}

impl std::fmt::Display for Several<Safeguard> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let labels: Vec<&str> = self.iter().map(Safeguard::label).collect();
        match labels.as_slice() {
            [init @ .., last] if !init.is_empty() => write!(f, "{} and {last}", init.join(", ")),
            _ => f.write_str(&labels.join("")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mechanism_is_read_and_written_as_a_string() {
        let s: Safeguards = serde_json::from_str("\"dpf\"").unwrap();
        assert_eq!(s, Safeguards::from(Safeguard::DataPrivacyFramework));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"dpf\"");
    }

    #[test]
    fn several_mechanisms_are_a_list_without_repeats() {
        let s: Safeguards = serde_json::from_str("[\"dpf\", \"uk_extension\", \"dpf\"]").unwrap();
        assert_eq!(
            s.as_slice(),
            [Safeguard::DataPrivacyFramework, Safeguard::UkExtension]
        );
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            "[\"dpf\",\"uk_extension\"]"
        );
        assert_eq!(
            s.phrase().unwrap(),
            "the EU-US Data Privacy Framework (with its UK Extension for UK users)"
        );
        let s = Safeguards::new([
            Safeguard::StandardContractualClauses,
            Safeguard::UkAddendum,
            Safeguard::AnpdClauses,
        ]);
        assert_eq!(
            s.phrase().unwrap(),
            "standard contractual clauses (with the UK Addendum for UK users) and the ANPD \
             standard contractual clauses"
        );
        assert_eq!(
            Safeguards::from(Safeguard::UkAddendum).phrase().unwrap(),
            "the EU standard contractual clauses with the UK Addendum"
        );
    }

    #[test]
    fn an_unknown_mechanism_is_named() {
        let e = serde_json::from_str::<Safeguards>("[\"dpf\", \"pinky_swear\"]").unwrap_err();
        assert!(e.to_string().contains("pinky_swear"), "{e}");
        let e = serde_json::from_str::<Safeguards>("\"pinky_swear\"").unwrap_err();
        assert!(e.to_string().contains("pinky_swear"), "{e}");
    }

    #[test]
    fn none_needed_is_not_told_to_readers() {
        assert_eq!(Safeguards::from(Safeguard::NotApplicable).phrase(), None);
        assert_eq!(Safeguards::default().phrase(), None);
    }
}
