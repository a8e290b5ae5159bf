//! The templates: embedded in the binary so policywright works from any directory,
//! and overridable one by one with `--templates DIR`.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tera::{Context, Tera};

use super::{Format, RenderError, Verbatim, filters, markdown};

/// Declares the embedded templates by path under `templates/`.
macro_rules! embedded {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),+]
    };
}

/// Every template, by the name an override file must have inside `--templates DIR`.
pub const EMBEDDED: &[(&str, &str)] = embedded![
    "layout.md",
    "layout.html",
    "layout.txt",
    "intro.md",
    "sections/who_we_are.md",
    "sections/collected.md",
    "sections/on_device.md",
    "sections/not_collected.md",
    "sections/use.md",
    "sections/recipients.md",
    "sections/storage.md",
    "sections/transfers.md",
    "sections/visibility.md",
    "sections/retention.md",
    "sections/rights.md",
    "sections/cookies.md",
    "sections/permissions.md",
    "sections/security.md",
    "sections/children.md",
    "sections/changes.md",
    "sections/contact.md",
    "sections/custom.md",
];

/// Embedded section templates that print nothing unless one of these context values
/// is set (in Tera's sense: not undefined, null, false, zero or empty). When none
/// is, the section is left out without its template even being loaded: loading
/// the templates (their build-time parse, see [`PRECOMPILED`]) is still a good part
/// of what a small `render` does, and most policies leave some sections out.
/// A template replaced with `--templates` is always parsed and rendered.
/// `tests::guards_match_the_templates` renders every example to keep this true.
pub const GUARDS: &[(&str, &[&str])] = &[
    (
        "sections/storage.md",
        &["a.hosting.endpoint", "stores", "data_location"],
    ),
    (
        "sections/visibility.md",
        &[
            "visibility.default",
            "visibility.options",
            "a.sharing.no_resharing",
        ],
    ),
    (
        "sections/cookies.md",
        // `third_party_tracking` prints when false too: its guard is only null.
        &[
            "cookies",
            "dnt",
            "gpc",
            "said.third_party_tracking?",
            "not_used",
            "a.tracking.consent",
            "a.tracking.advertising_ids",
            "a.tracking.cross_site_tracking",
            "a.tracking.fingerprinting",
        ],
    ),
    ("sections/on_device.md", &["local_data.categories"]),
    (
        "sections/permissions.md",
        &[
            "permissions",
            "android_permissions",
            "ios_permissions",
            "a.app.att_prompt",
        ],
    ),
    ("sections/retention.md", &["retention"]),
    (
        "sections/transfers.md",
        &["transfers", "worldwide", "safeguards_copy"],
    ),
];

/// Says whether none of a section's guard values (see [`GUARDS`]) is set for the
/// policy being rendered.
pub type Quiet<'a> = &'a dyn Fn(&[&str]) -> bool;

/// The top-level variables a guard reads ("a" for "a.hosting.endpoint").
pub fn guard_roots<'g>(guard: &'g [&'g str]) -> impl Iterator<Item = &'g str> {
    guard
        .iter()
        .map(|path| path.trim_end_matches('?').split('.').next().unwrap_or(path))
}

/// Whether none of a section's guard values (see [`GUARDS`]) is set in `context`.
pub fn quiet(guard: &[&str], context: &Context) -> bool {
    guard.iter().all(|path| {
        let (path, null_only) = match path.strip_suffix('?') {
            Some(path) => (path, true),
            None => (*path, false),
        };
        let (root, rest) = path.split_once('.').unwrap_or((path, ""));
        let value = context.get(root).and_then(|v| {
            if rest.is_empty() {
                Some(v)
            } else {
                v.get_from_path(rest)
            }
        });
        match value {
            None => true,
            Some(v) if null_only => v.is_none() || v.is_undefined(),
            Some(v) => !v.is_truthy(),
        }
    })
}

/// A Markdown template loaded only when first needed: a guarded section (see
/// [`GUARDS`]) or the custom-section template, unless overridden.
struct Lazy {
    name: &'static str,
    source: &'static str,
    guard: &'static [&'static str],
    parsed: OnceLock<Option<Tera>>,
}

/// The parsed templates. Markdown templates use Markdown escaping; the HTML layout
/// Tera's HTML escaping; the text layout none. The embedded templates are loaded
/// from their build-time parse ([`PRECOMPILED`]); those that often print nothing
/// only when they will print something ([`Lazy`]). All on one thread: a second
/// one, to parse on two cores, cost more CPU and system time than it saved.
pub struct Templates {
    /// Which answers the templates read as written (all, once one is the operator's).
    verbatim: Verbatim,
    markdown: Tera,
    lazy: Vec<Lazy>,
    html: Option<Tera>,
    text: Option<Tera>,
}

impl Templates {
    /// Which answers the templates read as written: all of them once any template is
    /// the operator's own, since it may read any.
    pub fn verbatim(&self) -> Verbatim {
        self.verbatim
    }

    /// Parses the embedded templates, replacing any that `dir` holds a file for.
    /// With a `format`, only that format's layout is parsed.
    pub fn load(dir: Option<&Path>, format: Option<Format>) -> Result<Templates, RenderError> {
        Templates::load_for(dir, format, None)
    }

    /// Like [`Templates::load`]; told which guards are `quiet` for the policy that will be rendered, the
    /// guarded sections that print something for it are loaded at once with the
    /// other Markdown templates instead of on first use.
    pub fn load_for(
        dir: Option<&Path>,
        format: Option<Format>,
        quiet_for: Option<Quiet<'_>>,
    ) -> Result<Templates, RenderError> {
        // Borrowed from the binary unless overridden: copying every template's
        // source was a good part of a small render's memory, each page of it a fault.
        let mut sources: Vec<(&'static str, Cow<'static, str>)> = EMBEDDED
            .iter()
            .map(|&(n, t)| (n, Cow::Borrowed(t)))
            .collect();
        if let Some(dir) = dir {
            apply_overrides(dir, &mut sources)?;
        }
        let wanted = |layout: Format| format.is_none_or(|f| f == layout);
        let lazy: Vec<Lazy> = sources
            .iter()
            .filter_map(|(name, source)| {
                let &(name, source) = EMBEDDED.iter().find(|e| **e == (*name, &**source))?;
                let guard = match GUARDS.iter().find(|(n, _)| *n == name) {
                    // It will print: loaded now, with the others.
                    Some((_, guard)) if quiet_for.is_some_and(|quiet| !quiet(guard)) => {
                        return None;
                    }
                    Some((_, guard)) => *guard,
                    None if name == "sections/custom.md" => &[],
                    None => return None,
                };
                Some(Lazy {
                    name,
                    source,
                    guard,
                    parsed: OnceLock::new(),
                })
            })
            .collect();
        // Rendering text only, its layout goes with the Markdown templates: it is not
        // escaped there either (`.txt` is not `.md`), and one Tera fewer is one set-up
        // and one finalising fewer.
        let text_with_markdown = format == Some(Format::Text);
        let markdown: Vec<(&str, &str)> = sources
            .iter()
            .filter(|(n, _)| {
                (n.ends_with(".md") && (*n != "layout.md" || wanted(Format::Markdown)))
                    || (text_with_markdown && *n == "layout.txt")
            })
            .filter(|(n, _)| !lazy.iter().any(|l| l.name == *n))
            .map(|(n, t)| (*n, &**t))
            .collect();
        let markdown = markdown_tera(&markdown)?;
        let layout = |suffix: &str, format: Format| -> Result<Option<Tera>, RenderError> {
            if !wanted(format) {
                return Ok(None);
            }
            let mut tera = Tera::default();
            match format {
                Format::Html => tera.autoescape_on([".html"]),
                _ => tera.autoescape_on(Vec::<&str>::new()),
            }
            let picked = sources.iter().filter(|(n, _)| n.ends_with(suffix));
            add_templates(&mut tera, picked.map(|(n, t)| (*n, &**t)).collect())?;
            Ok(Some(tera))
        };
        Ok(Templates {
            verbatim: Verbatim::for_templates(dir),
            markdown,
            lazy,
            html: layout(".html", Format::Html)?,
            text: match text_with_markdown {
                true => None,
                false => layout(".txt", Format::Text)?,
            },
        })
    }

    /// The Tera to render Markdown template `name` with for `context`, parsing it
    /// if it is lazy and this is its first use; `None` when it is a guarded
    /// section that prints nothing for this context (see [`GUARDS`]).
    pub fn section(&self, name: &str, quiet: Quiet<'_>) -> Result<Option<&Tera>, RenderError> {
        let Some(lazy) = self.lazy.iter().find(|l| l.name == name) else {
            return Ok(Some(&self.markdown));
        };
        if !lazy.guard.is_empty() && quiet(lazy.guard) {
            return Ok(None);
        }
        let template = [(lazy.name, lazy.source)];
        match lazy.parsed.get_or_init(|| markdown_tera(&template).ok()) {
            Some(tera) => Ok(Some(tera)),
            // Embedded templates parse (a test sees to it); should one not, the
            // error is reported as for any template.
            None => markdown_tera(&template).map(|_| None),
        }
    }

    /// The Tera that holds the layout for `format`, and the layout's name.
    pub fn layout(&self, format: Format) -> (&Tera, &'static str) {
        match format {
            Format::Markdown => (&self.markdown, "layout.md"),
            Format::Html => (
                self.html.as_ref().expect("the HTML layout was loaded"),
                "layout.html",
            ),
            // Loaded with the Markdown templates when only text is rendered.
            Format::Text => (self.text.as_ref().unwrap_or(&self.markdown), "layout.txt"),
        }
    }
}

/// The embedded templates as Tera parsed them when the program was built (build.rs):
/// loading these is several times cheaper than parsing the sources. Tera uses an
/// entry only for a template with exactly the source it was made from, so a template
/// given with `--templates` is parsed as always.
static PRECOMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/templates.bin"));

/// Adds `templates` to `tera`: parsed at build time when they are the embedded ones.
fn add_templates(tera: &mut Tera, templates: Vec<(&str, &str)>) -> Result<(), RenderError> {
    tera.add_raw_templates_precompiled(templates, PRECOMPILED)
        .map_err(RenderError::Template)
}

fn markdown_tera(templates: &[(&str, &str)]) -> Result<Tera, RenderError> {
    let mut tera = Tera::default();
    tera.autoescape_on([".md"]);
    tera.set_escape_fn(escape_markdown);
    filters::register(&mut tera);
    add_templates(&mut tera, templates.to_vec())?;
    Ok(tera)
}

/// Tera's escape hook for `.md` templates: see [`markdown::escape`].
fn escape_markdown(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    markdown::escape_to(text, out)
}

fn apply_overrides(
    dir: &Path,
    sources: &mut [(&'static str, Cow<'static, str>)],
) -> Result<(), RenderError> {
    let meta = std::fs::metadata(dir).map_err(|e| RenderError::TemplateDir {
        path: dir.to_owned(),
        message: e.to_string(),
    })?;
    if !meta.is_dir() {
        return Err(RenderError::TemplateDir {
            path: dir.to_owned(),
            message: "is not a directory".to_owned(),
        });
    }
    let mut files = Vec::new();
    let mut walked = Vec::new();
    collect_files(dir, dir, &mut walked, &mut files)?;
    for (name, path) in files {
        let Some(slot) = sources.iter_mut().find(|(n, _)| *n == name) else {
            let known: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
            return Err(RenderError::TemplateDir {
                path,
                message: format!(
                    "does not replace any template; the names are: {}",
                    known.join(", ")
                ),
            });
        };
        slot.1 =
            Cow::Owned(
                std::fs::read_to_string(&path).map_err(|e| RenderError::TemplateDir {
                    path: path.clone(),
                    message: e.to_string(),
                })?,
            );
    }
    Ok(())
}

/// Lists template files under `dir` with their names relative to `root` (`sections/x.md`).
/// A linked folder is followed (templates may be shared), but one that leads back
/// to a folder being walked is refused: two links to `.` branch at every level and
/// the walk never ended. `walked` holds the real paths of the folders on the way.
fn collect_files(
    root: &Path,
    dir: &Path,
    walked: &mut Vec<PathBuf>,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), RenderError> {
    let fail = |path: &Path, message: String| RenderError::TemplateDir {
        path: path.to_owned(),
        message,
    };
    let real = dir.canonicalize().map_err(|e| fail(dir, e.to_string()))?;
    if let Some(ancestor) = walked.iter().find(|a| **a == real) {
        return Err(fail(
            dir,
            format!(
                "leads back to {} (a symbolic link loop); remove the link",
                ancestor.display()
            ),
        ));
    }
    walked.push(real);
    let entries = std::fs::read_dir(dir).map_err(|e| fail(dir, e.to_string()))?;
    // In name order, so the same folder always gives the same first error.
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_files(root, &path, walked, out)?;
        } else {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, path));
        }
    }
    walked.pop();
    out.sort();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::catalog::Catalog;
    use crate::policy::Policy;
    use crate::render::Prepared;

    /// Every example that renders: a guard that says "prints nothing" must be
    /// right, or a section would be lost.
    fn contexts() -> Vec<(String, Context)> {
        let policies = example_policies();
        let out: Vec<(String, Context)> = policies
            .iter()
            .filter_map(|(path, policy)| {
                let prepared = Prepared::new(policy, crate::render::Verbatim::Builtin).ok()?;
                Some((path.clone(), prepared.whole_context()))
            })
            .collect();
        assert!(out.len() >= 5, "{} examples render", out.len());
        out
    }

    /// Each example's policy, with the path it was read from.
    fn example_policies() -> Vec<(String, Policy)> {
        crate::examples::examples()
            .into_iter()
            .map(|(path, answers)| {
                let policy = Policy::resolve(&answers, &Catalog::builtin()).unwrap();
                (path, policy)
            })
            .collect()
    }

    #[test]
    fn guards_match_the_templates() {
        let mut left_out = std::collections::BTreeSet::new();
        for (example, context) in contexts() {
            for (name, guard) in GUARDS {
                let source = EMBEDDED.iter().find(|(n, _)| n == name).unwrap().1;
                let tera = markdown_tera(&[(name, source)]).unwrap();
                let out = tera.render(name, &context).unwrap();
                if quiet(guard, &context) {
                    left_out.insert(*name);
                    assert!(
                        out.trim().is_empty(),
                        "{example}: {name} is guarded by {guard:?}, none set, yet prints:\n{out}"
                    );
                }
            }
        }
        // Each guard is tried: some example leaves out each guarded section.
        assert_eq!(left_out.len(), GUARDS.len(), "{left_out:?}");
    }

    /// Every embedded template is loaded from its build-time parse, and that parse
    /// is exactly what parsing the source now gives.
    #[test]
    fn embedded_templates_are_precompiled_and_load_as_parsed() {
        let mut errors = 0;
        for (name, source) in EMBEDDED {
            assert!(
                Tera::precompiled_holds(PRECOMPILED, name, source),
                "{name} is not in the precompiled templates"
            );
            let mut parsed = Tera::default();
            filters::register(&mut parsed);
            let mut loaded = parsed.clone();
            parsed.add_raw_templates([(name, source)]).unwrap();
            loaded
                .add_raw_templates_precompiled([(name, source)], PRECOMPILED)
                .unwrap();
            assert!(parsed.same_templates(&loaded), "{name} loads differently");
            // Spans are decoded only for error messages: the same message, at the
            // same place, from a template loaded as from one parsed.
            let (mut parsed, mut loaded) = (Tera::default(), Tera::default());
            for tera in [&mut parsed, &mut loaded] {
                filters::register(tera);
            }
            parsed.add_raw_templates([(name, source)]).unwrap();
            loaded
                .add_raw_templates_precompiled([(name, source)], PRECOMPILED)
                .unwrap();
            // An empty context, and one where every variable is a number, which
            // most templates cannot use (an attribute of it, a loop over it).
            let mut numbers = Context::new();
            for variable in parsed.get_template_variables(name).unwrap() {
                numbers.insert(variable.to_owned(), &1);
            }
            for context in [Context::new(), numbers] {
                let error = |tera: &Tera| format!("{:?}", tera.render(name, &context).err());
                assert_eq!(error(&parsed), error(&loaded), "{name}");
                errors += usize::from(error(&parsed).contains("-->"));
            }
        }
        assert!(errors >= 4, "only {errors} error messages compared");
        // A source that differs from the embedded one is parsed, not taken from
        // the blob under the same name.
        let mut changed = Tera::default();
        changed
            .add_raw_templates_precompiled([("sections/use.md", "Changed.")], PRECOMPILED)
            .unwrap();
        assert_eq!(
            changed.render("sections/use.md", &Context::new()).unwrap(),
            "Changed."
        );
    }

    /// A renderer made for one prepared policy (its printing guarded sections
    /// loaded with the others, `render`'s path) renders every example in every
    /// format exactly as one that loads them on first use, and holds no lazy
    /// Tera of its own for them.
    #[test]
    fn loading_for_a_context_renders_the_same() {
        let mut compared = 0;
        for (path, policy) in example_policies() {
            let Ok(prepared) = Prepared::new(&policy, crate::render::Verbatim::Builtin) else {
                continue;
            };
            for format in [Format::Markdown, Format::Html, Format::Text] {
                let lazy = crate::render::Renderer::for_format(None, format).unwrap();
                let one = crate::render::Renderer::for_prepared(None, format, &prepared).unwrap();
                assert_eq!(
                    lazy.render_prepared(&prepared, format).unwrap(),
                    one.render_prepared(&prepared, format).unwrap(),
                    "{path} {format:?}"
                );
                assert!(
                    one.templates
                        .lazy
                        .iter()
                        .all(|l| l.parsed.get().is_none() || l.name == "sections/custom.md"),
                    "{path}"
                );
                compared += 1;
            }
        }
        assert!(compared >= 15, "{compared} renders compared");
    }

    /// Each built-in template, given only the variables it reads, renders every
    /// example in every format exactly as it does given the whole view.
    #[test]
    fn each_template_given_only_what_it_reads_renders_the_same() {
        let mut compared = 0;
        for (path, policy) in example_policies() {
            let builtin = crate::render::Verbatim::Builtin;
            let (Ok(only), Ok(whole)) = (
                Prepared::new(&policy, builtin),
                Prepared::new(&policy, builtin).map(Prepared::with_whole_context),
            ) else {
                continue;
            };
            assert!(only.whole.is_none(), "given what it reads");
            for format in [Format::Markdown, Format::Html, Format::Text] {
                let renderer = crate::render::Renderer::for_format(None, format).unwrap();
                assert_eq!(
                    renderer.render_prepared(&only, format).unwrap(),
                    renderer.render_prepared(&whole, format).unwrap(),
                    "{path} {format:?}"
                );
                compared += 1;
            }
        }
        assert!(compared >= 15, "{compared} renders compared");
    }

    /// Tera's `**` on floats takes `pow` from libm only when first used (the
    /// vendored Tera's patch, so that the binary does not load libm at every
    /// start): it gives exactly what `f64::powf` gives.
    #[test]
    fn float_powers_are_libms() {
        let mut tera = Tera::default();
        tera.add_raw_template("p", "{{ a ** b }}").unwrap();
        for (a, b) in [
            (2.0, 0.5),
            (10.0, -3.0),
            (1.1, 7.3),
            (-8.0, 1.0 / 3.0),
            (0.0, 0.0),
        ] {
            let mut context = Context::new();
            context.insert("a", &a);
            context.insert("b", &b);
            let mut expected = Context::new();
            expected.insert("a", &f64::powf(a, b));
            let mut printed = Tera::default();
            printed.add_raw_template("x", "{{ a }}").unwrap();
            assert_eq!(
                tera.render("p", &context).unwrap(),
                printed.render("x", &expected).unwrap(),
                "{a} ** {b}"
            );
        }
        // Integers stay integers.
        tera.add_raw_template("i", "{{ 2 ** 10 }}").unwrap();
        assert_eq!(tera.render("i", &Context::new()).unwrap(), "1024");
    }

    /// Loaded templates keep their spans encoded through a render that goes well:
    /// decoding them was a good part of loading, and only error messages read them.
    #[test]
    fn a_render_does_not_decode_spans() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/specstep.json");
        let answers = Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        let policy = Policy::resolve(&answers, &Catalog::builtin()).unwrap();
        for format in [Format::Markdown, Format::Html, Format::Text] {
            let renderer = crate::render::Renderer::for_format(None, format).unwrap();
            renderer.render(&policy, format).unwrap();
            let templates = &renderer.templates;
            let teras = [Some(&templates.markdown), templates.html.as_ref()]
                .into_iter()
                .chain([templates.text.as_ref()])
                .chain(
                    templates
                        .lazy
                        .iter()
                        .map(|l| l.parsed.get().and_then(Option::as_ref)),
                )
                .flatten();
            for tera in teras {
                assert_eq!(tera.chunks_with_spans_decoded(), 0, "{format:?}");
            }
        }
    }

    /// The encoding keeps every kind of constant, block, parent and call a
    /// template can hold, not only those the embedded templates use.
    #[test]
    fn precompiled_templates_round_trip() {
        let templates = [
            (
                "base.html",
                "{% set x = [1, -2, 2.5, 'a\\'b', true, none, [3], {'k': 1, 2: 'v'}] %}\
                 {% for k, v in {'a': 1} %}{{ k }}{{ v | upper }}{% endfor %}\
                 {% for i in x %}{% if loop.first %}{{ i }}{% else %}{% break %}{% endif %}{% endfor %}\
                 {{ a.b?.c }}{{ a?['d'] }}{{ x[1:2] }}{{ 7 // 2 ~ 'z' }}{{ 2 ** 3 % 5 }}\
                 {% if x is defined and not y or 1 in [1] %}{{ -a }}{% endif %}\
                 {% filter upper %}up{% endfilter %}{{ [i for i in x] }}{{ {...m, 'n': 1} }}{{ [...x, 1] }}\
                 {{ range(end=3) }}{% include \"inc.html\" %}\
                 {% block b %}base{% endblock %}",
            ),
            ("inc.html", "included {{ 1000.5 }}"),
            (
                "child.html",
                "{% extends \"base.html\" %}{% block b %}{{ super() }} child{% endblock %}",
            ),
        ];
        // Leaked: a loaded template borrows its texts from the blob, as from
        // `PRECOMPILED`, the binary's own bytes.
        let blob: &'static [u8] = Box::leak(
            Tera::precompile_templates(templates)
                .unwrap()
                .into_boxed_slice(),
        );
        for (name, source) in templates {
            assert!(Tera::precompiled_holds(blob, name, source), "{name}");
        }
        let mut parsed = Tera::default();
        parsed.add_raw_templates(templates).unwrap();
        let mut loaded = Tera::default();
        loaded
            .add_raw_templates_precompiled(templates, blob)
            .unwrap();
        assert!(parsed.same_templates(&loaded));
        // Damaged or foreign bytes are no cache: the templates are parsed.
        for blob in [&blob[..blob.len() / 2], b"not a blob"] {
            let mut loaded = Tera::default();
            loaded
                .add_raw_templates_precompiled(templates, blob)
                .unwrap();
            assert!(parsed.same_templates(&loaded));
        }
    }

    #[test]
    fn guarded_templates_are_parsed_only_when_needed_and_overrides_always() {
        let templates = Templates::load(None, Some(Format::Markdown)).unwrap();
        let quiet_context = Context::new();
        let all_quiet = |_: &[&str]| true;
        assert!(
            templates
                .section("sections/transfers.md", &all_quiet)
                .unwrap()
                .is_none()
        );
        assert!(templates.lazy.iter().all(|l| l.parsed.get().is_none()));

        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sections")).unwrap();
        std::fs::write(dir.path().join("sections/transfers.md"), "Always.").unwrap();
        let templates = Templates::load(Some(dir.path()), Some(Format::Markdown)).unwrap();
        let tera = templates
            .section("sections/transfers.md", &all_quiet)
            .unwrap()
            .expect("an override is always rendered");
        assert_eq!(
            tera.render("sections/transfers.md", &quiet_context)
                .unwrap(),
            "Always."
        );
    }
}
