//! The templates: embedded in the binary so policywright works from any directory,
//! and overridable one by one with `--templates DIR`.

use std::path::{Path, PathBuf};

use tera::Tera;

use super::{Format, RenderError, filters, markdown};

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

/// The parsed templates. Markdown templates use Markdown escaping; the HTML layout
/// Tera's HTML escaping; the text layout none. The Markdown templates are split over
/// two Tera instances so they can be parsed on two cores: parsing is most of the
/// time a `render` process takes.
pub struct Templates {
    markdown: Vec<Tera>,
    html: Option<Tera>,
    text: Option<Tera>,
}

impl Templates {
    /// Parses the embedded templates, replacing any that `dir` holds a file for.
    /// With a `format`, only that format's layout is parsed.
    pub fn load(dir: Option<&Path>, format: Option<Format>) -> Result<Templates, RenderError> {
        let mut sources: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        if let Some(dir) = dir {
            apply_overrides(dir, &mut sources)?;
        }
        let wanted = |layout: Format| format.is_none_or(|f| f == layout);
        let (mut first, mut second) = (Vec::new(), Vec::new());
        let mut markdown: Vec<(String, String)> = sources
            .iter()
            .filter(|(n, _)| n.ends_with(".md") && (n != "layout.md" || wanted(Format::Markdown)))
            .cloned()
            .collect();
        markdown.sort_by_key(|(_, t)| std::cmp::Reverse(t.len()));
        for (i, template) in markdown.into_iter().enumerate() {
            if i % 2 == 0 {
                first.push(template)
            } else {
                second.push(template)
            }
        }
        let layout = |suffix: &str, format: Format| -> Result<Option<Tera>, RenderError> {
            if !wanted(format) {
                return Ok(None);
            }
            let mut tera = Tera::default();
            match format {
                Format::Html => tera.autoescape_on([".html"]),
                _ => tera.autoescape_on(Vec::<&str>::new()),
            }
            let picked = sources.iter().filter(|(n, _)| n.ends_with(suffix)).cloned();
            tera.add_raw_templates(picked.collect::<Vec<_>>())
                .map_err(RenderError::Template)?;
            Ok(Some(tera))
        };
        let (first, second) = std::thread::scope(|scope| {
            let other = scope.spawn(|| markdown_tera(second));
            (
                markdown_tera(first),
                other.join().expect("template parsing does not panic"),
            )
        });
        Ok(Templates {
            markdown: vec![first?, second?],
            html: layout(".html", Format::Html)?,
            text: layout(".txt", Format::Text)?,
        })
    }

    /// Which of the Markdown Tera instances holds this template.
    pub fn part(&self, name: &str) -> usize {
        self.markdown
            .iter()
            .position(|t| t.contains_template(name))
            .unwrap_or(0)
    }

    /// The Tera holding this Markdown template.
    pub fn markdown(&self, name: &str) -> &Tera {
        &self.markdown[self.part(name)]
    }

    /// The Tera that holds the layout for `format`, and the layout's name.
    pub fn layout(&self, format: Format) -> (&Tera, &'static str) {
        match format {
            Format::Markdown => (self.markdown("layout.md"), "layout.md"),
            Format::Html => (
                self.html.as_ref().expect("the HTML layout was loaded"),
                "layout.html",
            ),
            Format::Text => (
                self.text.as_ref().expect("the text layout was loaded"),
                "layout.txt",
            ),
        }
    }
}

fn markdown_tera(templates: Vec<(String, String)>) -> Result<Tera, RenderError> {
    let mut tera = Tera::default();
    tera.autoescape_on([".md"]);
    tera.set_escape_fn(escape_markdown);
    filters::register(&mut tera);
    tera.add_raw_templates(templates)
        .map_err(RenderError::Template)?;
    Ok(tera)
}

/// Tera's escape hook for `.md` templates: see [`markdown::escape`].
fn escape_markdown(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(markdown::escape(text).as_bytes())
}

fn apply_overrides(dir: &Path, sources: &mut [(String, String)]) -> Result<(), RenderError> {
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
        slot.1 = std::fs::read_to_string(&path).map_err(|e| RenderError::TemplateDir {
            path: path.clone(),
            message: e.to_string(),
        })?;
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
