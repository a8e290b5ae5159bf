//! Rendering: answers in, a publishable policy out.
//!
//! Each section is one Markdown template (`templates/sections/<id>.md`); a section
//! whose template produces nothing is left out, and the rest are numbered in order.
//! HTML and plain text are converted from the same Markdown, so the three formats say
//! the same thing under the same numbers. Rendering reads no clock and no environment:
//! the same answers give byte-identical output.
//!
//! This module knows nothing about prompts, terminals or files beyond `--templates`.

mod draft;
mod filters;
mod html;
pub(crate) mod kept;
pub mod markdown;
mod sparse;
mod templates;
mod text;
mod verbatim;
mod view;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::Context;

use crate::answers::vocab::SectionId;
use crate::answers::{Answers, AnswersError, CustomSection, Placement};
use crate::policy::Policy;

pub use templates::EMBEDDED as TEMPLATES;
use templates::Templates;
pub use verbatim::Verbatim;
use view::View;

/// An output format (the answers file names it when it remembers where the policy
/// is published).
pub use crate::answers::vocab::Format;

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The problems are this error's own message, not its source: a source would be
    /// printed again by `{:#}` (anyhow's whole chain), listing every problem twice.
    #[error("the answers cannot be rendered yet: {0}")]
    Answers(AnswersError),
    #[error("template {}", tera_message(.0))]
    Template(tera::Error),
    #[error("{path}: {message}")]
    TemplateDir { path: PathBuf, message: String },
}

impl From<AnswersError> for RenderError {
    fn from(e: AnswersError) -> Self {
        RenderError::Answers(e)
    }
}

/// One numbered section as the layouts see it.
#[derive(Serialize)]
struct Section {
    number: usize,
    /// Stable anchor id (the section's key, or `custom-<slug>`).
    id: String,
    title: String,
    /// "3. Who we share it with": the heading as printed.
    heading: String,
    /// The anchor GitHub derives from the heading, for the Markdown table of contents.
    github_anchor: String,
    /// A line of `-` as long as the heading, for the text layout.
    rule: String,
    /// The body, already in the output format.
    body: String,
}

/// A policy checked and turned into what the templates read: everything rendering
/// needs except the templates, so it can be done while the templates are being
/// parsed.
pub struct Prepared<'a> {
    answers: &'a Answers,
    view: View<'a>,
    /// The whole view as one context, for templates that are the operator's own: they
    /// may read any variable, in ways a look at their text may not find (a component
    /// defined in another file). The built-in templates are each given the view's
    /// listed fields they read on top of [`Prepared::unlisted`] (see
    /// [`Prepared::context_for`]): the whole view was megabytes on a policy of
    /// thousands of entries, the largest thing the wizard made.
    whole: Option<Context>,
    /// The view's fields that do not grow with the long lists, serialised once: each
    /// template's context starts from them (serialising them again for each of twenty
    /// templates was a tenth of a small policy's render).
    unlisted: Context,
    /// Whether blank fields of entries are left out ([`sparse`]): for the built-in
    /// templates only.
    sparse: bool,
}

impl<'a> Prepared<'a> {
    /// Refuses a policy that is not complete enough to publish (see
    /// [`Answers::problems`]), with every problem listed. The policy is already
    /// resolved ([`Policy`]): catalog references filled in, stale answers left out.
    /// `verbatim` says which answers the templates may read as written: all of them
    /// when any template is the operator's own ([`Renderer::verbatim`]).
    pub fn new(policy: &'a Policy, verbatim: Verbatim) -> Result<Prepared<'a>, RenderError> {
        let answers = policy.answers();
        let problems = answers.problems();
        if !problems.is_empty() {
            return Err(AnswersError::Invalid(problems).into());
        }
        let view = View::new(policy, verbatim);
        let sparse = verbatim == Verbatim::Builtin;
        let whole = match sparse {
            true => None,
            false => Some(Context::from_serialize(&view).map_err(RenderError::Template)?),
        };
        let mut unlisted = Context::new();
        if whole.is_none() {
            sparse::serialising(sparse, || {
                for name in View::FIELDS.iter().filter(|name| !View::is_listed(name)) {
                    view.put(name, &mut unlisted);
                }
            });
        }
        Ok(Prepared {
            answers,
            view,
            whole,
            unlisted,
            sparse,
        })
    }

    /// The context for a template that reads these top-level `variables`: the
    /// view's fields that do not grow with the long lists, and those that do which
    /// it reads, serialised for it (or the whole view, for the operator's
    /// templates). A template reads nothing but the variables it names (no built-in
    /// template reaches the context any other way), so it renders as with the
    /// whole view; a test holds it on every example in every format.
    fn context_for<'v>(&self, variables: impl IntoIterator<Item = &'v str>) -> Cow<'_, Context> {
        if let Some(whole) = &self.whole {
            return Cow::Borrowed(whole);
        }
        let mut listed = variables
            .into_iter()
            .filter(|v| View::is_listed(v))
            .peekable();
        if listed.peek().is_none() {
            return Cow::Borrowed(&self.unlisted);
        }
        let mut context = self.unlisted.clone();
        sparse::serialising(self.sparse, || {
            for variable in listed {
                self.view.put(variable, &mut context);
            }
        });
        Cow::Owned(context)
    }

    /// Whether none of a guarded section's values is set (see [`templates::GUARDS`]).
    fn quiet(&self, guard: &[&str]) -> bool {
        templates::quiet(guard, &self.context_for(templates::guard_roots(guard)))
    }

    /// The whole view as one context, as the operator's templates get it.
    #[cfg(test)]
    fn whole_context(&self) -> Context {
        sparse::serialising(self.sparse, || Context::from_serialize(&self.view)).unwrap()
    }

    /// The same, with every template given the whole view (as the operator's are).
    #[cfg(test)]
    fn with_whole_context(mut self) -> Self {
        self.whole = Some(self.whole_context());
        self
    }
}

/// Renders answers with a fixed set of templates; build once, render many times.
pub struct Renderer {
    templates: Templates,
    /// Set when only one format's layout was parsed.
    only: Option<Format>,
}

impl Renderer {
    /// The built-in templates, optionally overridden by files in `dir`.
    pub fn new(dir: Option<&Path>) -> Result<Renderer, RenderError> {
        Ok(Renderer {
            templates: Templates::load(dir, None)?,
            only: None,
        })
    }

    /// Like [`Renderer::new`], but loads only what `format` needs: for a process
    /// that renders once, loading the templates is a good part of the work.
    pub fn for_format(dir: Option<&Path>, format: Format) -> Result<Renderer, RenderError> {
        Ok(Renderer {
            templates: Templates::load(dir, Some(format))?,
            only: Some(format),
        })
    }

    /// Like [`Renderer::for_format`], for a process that renders `prepared` once:
    /// the guarded sections (see [`templates::GUARDS`]) that print something for it
    /// are loaded with the other templates, into one Tera, rather than each into a
    /// Tera of its own on first use (each costs its set-up and its finalising).
    pub fn for_prepared(
        dir: Option<&Path>,
        format: Format,
        prepared: &Prepared<'_>,
    ) -> Result<Renderer, RenderError> {
        Ok(Renderer {
            templates: Templates::load_for(dir, Some(format), Some(&|g| prepared.quiet(g)))?,
            only: Some(format),
        })
    }

    /// Renders the policy. One that is not complete enough to publish (see
    /// [`Answers::problems`]) is refused with every problem listed.
    pub fn render(&self, policy: &Policy, format: Format) -> Result<String, RenderError> {
        self.render_prepared(&Prepared::new(policy, self.verbatim())?, format)
    }

    /// Which answers these templates read as written: all of them when any is the
    /// operator's own.
    pub fn verbatim(&self) -> Verbatim {
        self.templates.verbatim()
    }

    /// Renders answers already checked and turned into a template context.
    pub fn render_prepared(
        &self,
        prepared: &Prepared<'_>,
        format: Format,
    ) -> Result<String, RenderError> {
        assert!(
            self.only.is_none_or(|f| f == format),
            "this renderer was built for {:?} only",
            self.only
        );
        let answers = prepared.answers;

        let mut bodies: Vec<(String, String, String)> = Vec::new();
        let customs = |place: Placement| {
            answers
                .custom_sections
                .iter()
                .filter(move |c| c.after == place)
        };
        let standard = self.standard_sections(prepared)?;
        for custom in customs(Placement::Start) {
            bodies.push(self.custom(custom)?);
        }
        for (&id, body) in SectionId::ALL.iter().zip(standard) {
            if !body.trim().is_empty() {
                bodies.push((id.key().replace('_', "-"), id.label().to_owned(), body));
            }
            for custom in customs(Placement::After(id)) {
                bodies.push(self.custom(custom)?);
            }
        }
        for custom in customs(Placement::End) {
            bodies.push(self.custom(custom)?);
        }

        let sections: Vec<Section> = bodies
            .into_iter()
            .enumerate()
            .map(|(i, (id, title, body))| {
                let number = i + 1;
                let heading = format!("{number}. {title}");
                let body = markdown::number_subsections(body, number);
                Section {
                    number,
                    github_anchor: markdown::github_slug(&heading),
                    rule: "-".repeat(heading.chars().count()),
                    body: convert(body, &id, format),
                    id,
                    title,
                    heading,
                }
            })
            .collect();

        let mut intro = self.markdown("intro.md", prepared)?;
        if let Some(notice) = draft::notice(answers) {
            intro.insert_str(0, &notice);
        }
        // Each copy of the policy's text is let go as soon as the next is made: on a
        // policy of thousands of entries each is megabytes, and the wizard renders
        // one on every change next to the template context (issue 17).
        let (tera, layout) = self.templates.layout(format);
        let variables = tera
            .get_template_variables(layout)
            .map_err(RenderError::Template)?;
        let own = ["intro", "sections"];
        let mut layout_context = prepared
            .context_for(variables.into_iter().filter(|v| !own.contains(v)))
            .into_owned();
        layout_context.insert("intro", &convert(intro, "intro", format));
        layout_context.insert("sections", &sections);
        drop(sections);
        let out = tera
            .render(layout, &layout_context)
            .map_err(RenderError::Template)?;
        drop(layout_context);
        Ok(match format {
            Format::Html => out,
            _ => markdown::tidy(out),
        })
    }

    /// Renders every standard section's Markdown, in `SectionId::ALL` order.
    fn standard_sections(&self, prepared: &Prepared<'_>) -> Result<Vec<String>, RenderError> {
        SectionId::ALL
            .iter()
            .map(|id| self.markdown(&format!("sections/{}.md", id.key()), prepared))
            .collect()
    }

    /// Renders a Markdown template with the variables it reads; a guarded section
    /// that can print nothing for this policy is not even parsed (see
    /// [`templates::GUARDS`]).
    fn markdown(&self, name: &str, prepared: &Prepared<'_>) -> Result<String, RenderError> {
        let Some(tera) = self.templates.section(name, &|g| prepared.quiet(g))? else {
            return Ok(String::new());
        };
        let variables = tera
            .get_template_variables(name)
            .map_err(RenderError::Template)?;
        render_markdown(tera, name, &prepared.context_for(variables))
    }

    fn custom(&self, section: &CustomSection) -> Result<(String, String, String), RenderError> {
        let mut context = Context::new();
        context.insert("section", section);
        let name = "sections/custom.md";
        let body = match self.templates.section(name, &|_| false)? {
            Some(tera) => render_markdown(tera, name, &context)?,
            None => String::new(),
        };
        let id = format!("custom-{}", markdown::id_slug(&section.title));
        Ok((id, section.title.clone(), body))
    }
}

/// Renders a Markdown template with `context`, tidied.
fn render_markdown(
    tera: &tera::Tera,
    name: &str,
    context: &Context,
) -> Result<String, RenderError> {
    let out = tera.render(name, context).map_err(RenderError::Template)?;
    Ok(markdown::tidy(out))
}

/// Tera's report (message, file, line and a caret) without its own "error: " prefix.
fn tera_message(e: &tera::Error) -> String {
    let text = e.to_string();
    text.strip_prefix("error: ").unwrap_or(&text).to_owned()
}

fn convert(markdown: String, id: &str, format: Format) -> String {
    match format {
        Format::Markdown => markdown,
        Format::Html => html::to_html(&markdown, id),
        Format::Text => text::to_text(&markdown, text::WIDTH),
    }
}
