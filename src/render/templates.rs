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

/// The parsed templates. Markdown templates share one Tera whose escape function is
/// Markdown escaping; the HTML layout has Tera's HTML escaping; the text layout none.
pub struct Templates {
    pub markdown: Tera,
    pub html: Tera,
    pub text: Tera,
}

impl Templates {
    /// Parses the embedded templates, replacing any that `dir` holds a file for.
    pub fn load(dir: Option<&Path>) -> Result<Templates, RenderError> {
        let mut sources: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        if let Some(dir) = dir {
            apply_overrides(dir, &mut sources)?;
        }
        let pick = |suffix: &str| -> Vec<(String, String)> {
            sources
                .iter()
                .filter(|(n, _)| n.ends_with(suffix))
                .cloned()
                .collect()
        };

        let mut md = Tera::default();
        md.autoescape_on(vec![".md"]);
        md.set_escape_fn(markdown::escape);
        filters::register(&mut md);
        md.add_raw_templates(pick(".md"))
            .map_err(RenderError::Template)?;

        let mut html = Tera::default();
        html.autoescape_on(vec![".html"]);
        html.add_raw_templates(pick(".html"))
            .map_err(RenderError::Template)?;

        let mut text = Tera::default();
        text.autoescape_on(vec![]);
        text.add_raw_templates(pick(".txt"))
            .map_err(RenderError::Template)?;

        Ok(Templates {
            markdown: md,
            html,
            text,
        })
    }

    /// The Tera that holds the layout for `format`, and the layout's name.
    pub fn layout(&self, format: Format) -> (&Tera, &'static str) {
        match format {
            Format::Markdown => (&self.markdown, "layout.md"),
            Format::Html => (&self.html, "layout.html"),
            Format::Text => (&self.text, "layout.txt"),
        }
    }
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
    collect_files(dir, dir, &mut files)?;
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
fn collect_files(
    root: &Path,
    dir: &Path,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), RenderError> {
    let entries = std::fs::read_dir(dir).map_err(|e| RenderError::TemplateDir {
        path: dir.to_owned(),
        message: e.to_string(),
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_files(root, &path, out)?;
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
    out.sort();
    Ok(())
}
