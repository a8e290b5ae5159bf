//! Statements that something is not collected ("We do not record video or audio"),
//! held against the permissions and data categories the same answers declare (legal
//! review FN-11: Stepr said it records no audio while its extension asks for the
//! microphone).
//!
//! Sources: GDPR Art. 5(1)(a) (processed "in a transparent manner") and Art. 13(1)(c)
//! (the purposes of the processing must be given); FTC Act §5, 15 U.S.C. 45(a) (a
//! material representation likely to mislead is deceptive: FTC Policy Statement on
//! Deception, 1983). A policy that denies collecting what a declared permission
//! collects is both.

use super::Hit;
use crate::answers::Answers;
use crate::answers::vocab::CcpaCategory;

/// A kind of data a permission can reach and a policy can deny collecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Audio,
    Video,
    Location,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Audio, Kind::Video, Kind::Location];

    fn label(self) -> &'static str {
        match self {
            Kind::Audio => "audio (the microphone)",
            Kind::Video => "video (the camera)",
            Kind::Location => "location",
        }
    }

    /// The kind of data a word of a sentence names, if any ("microphone" is audio).
    /// `word` is lower case.
    fn named_by(word: &[u8]) -> Option<Kind> {
        match word {
            b"audio" | b"microphone" | b"microphones" | b"mic" | b"voice" | b"voices" => {
                Some(Kind::Audio)
            }
            b"video" | b"videos" | b"camera" | b"cameras" | b"webcam" => Some(Kind::Video),
            b"location" | b"locations" | b"geolocation" | b"gps" => Some(Kind::Location),
            _ => None,
        }
    }

    /// Parts of a manifest permission name that reach this kind of data: Chrome's
    /// `audioCapture`, `videoCapture`, `geolocation`; Android's `RECORD_AUDIO`,
    /// `CAMERA`, `ACCESS_FINE_LOCATION`; iOS's `NSMicrophoneUsageDescription`,
    /// `NSCameraUsageDescription`, `NSLocationWhenInUseUsageDescription`.
    fn name_parts(self) -> &'static [&'static str] {
        match self {
            Kind::Audio => &["audio", "microphone"],
            Kind::Video => &["video", "camera"],
            Kind::Location => &["location"],
        }
    }

    fn in_name(self, name: &str) -> bool {
        let name = name.to_lowercase();
        self.name_parts().iter().any(|p| name.contains(p))
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The longest word [`Said::of`] looks for ("geolocation", "microphones").
const LONGEST: usize = 11;

/// `word` in lower case, when it is short enough to be one of the words looked for;
/// compared without allocating, as `check` reads every sentence of thousands of
/// descriptions.
fn lower(word: &str, buf: &mut [u8; LONGEST]) -> Option<usize> {
    if word.is_ascii() {
        let len = word.len();
        (len <= LONGEST).then(|| {
            for (to, from) in buf.iter_mut().zip(word.bytes()) {
                *to = from.to_ascii_lowercase();
            }
            len
        })
    } else {
        // A non-ASCII word matches only if it lower-cases to ASCII (the Kelvin sign
        // does); such words are rare.
        let folded = word.to_lowercase();
        (folded.is_ascii() && folded.len() <= LONGEST).then(|| {
            buf[..folded.len()].copy_from_slice(folded.as_bytes());
            folded.len()
        })
    }
}

/// What one sentence says: whether it denies something ("We do not ...", "We
/// never ..."), and which kinds of data it names. Read in one pass over its words:
/// `check` reads every sentence of thousands of descriptions.
#[derive(Default)]
struct Said {
    denies: bool,
    kinds: [bool; 3],
}

impl Said {
    fn of(sentence: &str) -> Said {
        let mut said = Said::default();
        let mut buf = [0; LONGEST];
        for w in words(sentence) {
            let Some(len) = lower(w, &mut buf) else {
                continue;
            };
            let w = &buf[..len];
            if matches!(
                w,
                b"not" | b"never" | b"don" | b"doesn" | b"no" | b"nor" | b"neither" | b"without"
            ) {
                said.denies = true;
            } else if let Some(kind) = Kind::named_by(w) {
                said.kinds[kind as usize] = true;
            }
        }
        said
    }

    fn names(&self, kind: Kind) -> bool {
        self.kinds[kind as usize]
    }
}

/// The clauses of a data category's description: its sentences, cut again at commas,
/// brackets and dashes. A description says what is collected, and a "not" in it
/// usually narrows that ("your approximate location (city or region, not your exact
/// address)"): read as one sentence, that was a denial of collecting location, an
/// error against the very category that collects it (a founder's use of the
/// wizard). A clause that denies and names a kind ("We do not record audio") is
/// still a denial.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', ';', '!', '?', ',', '(', ')', '—', '–', ':'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Each statement that something is not collected: the answer it is in, the words,
/// and the kinds of data it denies.
fn denials(a: &Answers) -> Vec<(String, String, Vec<Kind>)> {
    let kinds =
        |said: &Said| -> Vec<Kind> { Kind::ALL.into_iter().filter(|&k| said.names(k)).collect() };
    let mut out = Vec::new();
    // "What is not collected" is a denial whole, however it is worded.
    for (i, n) in a.data.not_collected.iter().enumerate() {
        let k = kinds(&Said::of(&n.what));
        if !k.is_empty() {
            out.push((format!("data.not_collected[{i}]"), n.what.clone(), k));
        }
    }
    // A category's description may deny in passing ("... We do not record audio").
    for (i, c) in a.data.categories.iter().enumerate() {
        for s in clauses(&c.description) {
            let said = Said::of(s);
            if said.denies {
                let k = kinds(&said);
                if !k.is_empty() {
                    out.push((format!("data.categories[{i}].description"), s.to_owned(), k));
                }
            }
        }
    }
    out
}

/// What the answers declare that collects each kind of data, in words for the finding.
fn declared(a: &Answers, kind: Kind) -> Option<String> {
    let permissions = a
        .extension
        .permissions
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("extension.permissions[{i}]"), p))
        .chain(
            a.app
                .android_permissions
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("app.android_permissions[{i}]"), p)),
        )
        .chain(
            a.app
                .ios_permissions
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("app.ios_permissions[{i}]"), p)),
        );
    for (path, p) in permissions {
        if p.names.iter().any(|n| kind.in_name(n)) || Said::of(&p.used_for).names(kind) {
            return Some(format!(
                "`{path}` ({}: \"{}\")",
                p.names.join(", "),
                p.used_for
            ));
        }
    }
    for (i, c) in a.data.categories.iter().enumerate() {
        // The category's own words, less its denials.
        let says = clauses(&c.description)
            .map(Said::of)
            .filter(|said| !said.denies)
            .chain([Said::of(&c.name)])
            .any(|said| said.names(kind));
        let mapped = kind == Kind::Location && c.ccpa_category == Some(CcpaCategory::Geolocation);
        if says || mapped {
            return Some(format!(
                "data category `{}` (`data.categories[{i}]`)",
                c.name
            ));
        }
    }
    None
}

/// Each denial that a declared permission or data category contradicts.
pub(super) fn contradicted(a: &Answers) -> Vec<Hit> {
    let mut hits = Vec::new();
    // What collects each kind is looked for once, however many denials name it.
    let mut found: [Option<Option<String>>; 3] = Default::default();
    for (path, said, kinds) in denials(a) {
        for kind in kinds {
            let what = found[kind as usize].get_or_insert_with(|| declared(a, kind));
            if let Some(what) = what {
                hits.push(Hit::with(
                    path.clone(),
                    format!("\"{said}\", yet {what} collects {}", kind.label()),
                ));
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_read_for_its_negation_and_kinds_in_any_case() {
        let said = Said::of("We do NOT record Video or the MIC");
        assert!(said.denies);
        assert!(said.names(Kind::Video) && said.names(Kind::Audio));
        assert!(!said.names(Kind::Location));
        let said = Said::of("Your GPS position, while you use the app");
        assert!(!said.denies && said.names(Kind::Location));
        // Words that contain one looked for are not it.
        let said = Said::of("Nothing audiovisual; no microphone-free locationless mode");
        assert!(said.denies, "\"no\"");
        assert!(said.names(Kind::Audio), "\"microphone\" before the hyphen");
        assert!(!said.names(Kind::Video) && !said.names(Kind::Location));
        assert!(!Said::of("Geolocationally incomprehensible").names(Kind::Location));
    }

    /// A "not" that narrows what a category collects is no denial of it; a clause
    /// that denies a kind is one.
    #[test]
    fn a_description_is_read_clause_by_clause() {
        let denied = |text: &str| -> Vec<Kind> {
            clauses(text)
                .map(Said::of)
                .filter(|s| s.denies)
                .flat_map(|s| Kind::ALL.into_iter().filter(move |&k| s.names(k)))
                .collect()
        };
        assert!(
            denied("your approximate location (city or region, not your exact address)").is_empty()
        );
        assert!(denied("your city, not your precise location").contains(&Kind::Location));
        assert_eq!(
            denied("Screenshots of the tab. We do not record video or audio"),
            [Kind::Audio, Kind::Video]
        );
    }
}
