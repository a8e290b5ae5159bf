//! policywright's patch: templates parsed ahead of time (at build time) and loaded
//! from a compact binary form, so a short-lived process does not lex, parse, compile
//! and optimise the same embedded templates on every start.
//!
//! The blob is only a cache of what `Template::new(name, source, None, delimiters)`
//! returns: every entry holds the name and the exact source it was made from, and
//! [`Tera::add_raw_templates_precompiled`] uses an entry only when the name, the
//! source, the delimiters, this crate's version and the format all match; anything
//! else is parsed as [`Tera::add_raw_templates`] would. Everything after parsing
//! (finalising: parents, include cycles, filters, autoescape) runs as usual.

use std::collections::HashSet as StdHashSet;
use std::sync::Arc;

use crate::HashMap;
use crate::delimiters::Delimiters;
use crate::errors::{Error, TeraResult};
use crate::parsing::{Chunk, Instruction, PathIdx, SpanTable, Str};
use crate::template::Template;
use crate::tera::Tera;
use crate::utils::Span;
use crate::value::{Key, Map, SmartString, Value, ValueInner};

/// Changes whenever the encoding or the parser's output changes: with the crate's
/// version, an old blob is never read by a different parser.
const MAGIC: &[u8] = concat!("tera-precompiled/1/", env!("CARGO_PKG_VERSION"), "\n").as_bytes();

impl Tera {
    /// Parses `templates` with the default delimiters and returns them in the form
    /// [`Tera::add_raw_templates_precompiled`] loads. Fails as parsing would.
    pub fn precompile_templates<I, N, C>(templates: I) -> TeraResult<Vec<u8>>
    where
        I: IntoIterator<Item = (N, C)>,
        N: AsRef<str>,
        C: AsRef<str>,
    {
        let delimiters = Delimiters::default();
        let mut out = Out::default();
        out.code.extend_from_slice(MAGIC);
        out.delimiters(&delimiters);
        for (name, source) in templates {
            let template = Template::new(name.as_ref(), source.as_ref(), None, delimiters.clone())?;
            if !template.components.is_empty() {
                return Err(Error::message(format!(
                    "{}: templates defining components cannot be precompiled",
                    name.as_ref()
                )));
            }
            let mut entry = Out::default();
            entry.template(&template);
            out.raw(name.as_ref().as_bytes());
            out.raw(source.as_ref().as_bytes());
            let mut data = Out::default();
            data.raw(entry.table.as_bytes());
            data.code.extend_from_slice(&entry.code);
            out.raw(&data.code);
        }
        Ok(out.code)
    }

    /// Like [`Tera::add_raw_templates`], with the parsing of any template that
    /// `precompiled` (made by [`Tera::precompile_templates`]) holds under the same
    /// name, from the same source, taken from it instead. A blob that does not fit
    /// (another version, other delimiters, damaged) is ignored.
    pub fn add_raw_templates_precompiled<I, N, C>(
        &mut self,
        templates: I,
        precompiled: &'static [u8],
    ) -> TeraResult<()>
    where
        I: IntoIterator<Item = (N, C)>,
        N: AsRef<str>,
        C: AsRef<str>,
    {
        let entries = entries(precompiled, &self.delimiters).unwrap_or_default();
        // Boxed: a template is large, and usually there is none to put back.
        let mut inserted: Vec<(String, Option<Box<Template>>)> = Vec::new();
        let result = (|| -> TeraResult<()> {
            for (name, content) in templates {
                let (name, content) = (name.as_ref(), content.as_ref());
                // The entry's copy of the source is kept (borrowed from the blob,
                // which is `'static`) rather than a copy of `content`.
                let cached = entries
                    .iter()
                    .find(|(n, s, _)| *n == name.as_bytes() && *s == content.as_bytes())
                    .and_then(|(_, s, data)| {
                        // SAFETY: `s` holds the same bytes as `content`, a `str`.
                        let source: &'static str = unsafe { std::str::from_utf8_unchecked(s) };
                        In::entry(data)?.template(name, source)
                    });
                let template = match cached {
                    Some(template) => template,
                    None => Template::new(name, content, None, self.delimiters.clone())?,
                };
                let key = name.to_string();
                let previous = self.templates.insert(key.clone(), template);
                inserted.push((key, previous.map(Box::new)));
            }
            self.finalize_templates()
        })();
        if result.is_err() {
            for (key, previous) in inserted.into_iter().rev() {
                match previous {
                    Some(old) => {
                        self.templates.insert(key, *old);
                    }
                    None => {
                        self.templates.remove(&key);
                    }
                }
            }
        }
        result
    }

    /// Whether `precompiled` holds template `name` parsed from exactly `source` with
    /// the default delimiters, in a form this version reads (for tests).
    #[doc(hidden)]
    pub fn precompiled_holds(precompiled: &'static [u8], name: &str, source: &str) -> bool {
        entries(precompiled, &Delimiters::default()).is_some_and(|entries| {
            entries.iter().any(|(n, s, data)| {
                *n == name.as_bytes()
                    && *s == source.as_bytes()
                    && In::entry(data)
                        // SAFETY: `s` holds the same bytes as `source`, a `str`.
                        .and_then(|e| e.template(name, unsafe { std::str::from_utf8_unchecked(s) }))
                        .is_some()
            })
        })
    }

    /// How many of the templates' chunks hold decoded spans (for tests: loaded
    /// templates decode them only for an error message).
    #[doc(hidden)]
    pub fn chunks_with_spans_decoded(&self) -> usize {
        self.templates
            .values()
            .flat_map(|t| std::iter::once(&t.chunk).chain(t.blocks.values()))
            .filter(|c| c.spans.is_decoded())
            .count()
    }

    /// Whether both hold the same parsed templates (for tests of the above).
    #[doc(hidden)]
    pub fn same_templates(&self, other: &Tera) -> bool {
        self.templates == other.templates
    }
}

/// A chunk's spans as [`Out::chunk`] encodes them: for each instruction, how many,
/// then each. What cannot be read (a damaged blob) is left without spans: error
/// messages lose their position, nothing else changes.
pub(crate) fn decode_spans(encoded: &[u8]) -> (Vec<Span>, Vec<u32>) {
    let mut input = In {
        code: encoded,
        table: "",
    };
    let (mut all, mut ends) = (Vec::new(), Vec::new());
    while let Some(count) = input.usize() {
        for _ in 0..count {
            match input.span() {
                Some(span) => all.push(span),
                None => break,
            }
        }
        ends.push(all.len() as u32);
    }
    (all, ends)
}

/// The (name, source, encoded template) entries of a blob that fits.
fn entries<'a>(
    blob: &'a [u8],
    delimiters: &Delimiters,
) -> Option<Vec<(&'a [u8], &'a [u8], &'a [u8])>> {
    let mut input = In {
        code: blob.strip_prefix(MAGIC)?,
        table: "",
    };
    if input.delimiters()? != *delimiters {
        return None;
    }
    let mut out = Vec::new();
    while !input.code.is_empty() {
        out.push((input.raw()?, input.raw()?, input.raw()?));
    }
    Some(out)
}

/// An encoder: the strings of a template go, one after the other, into `table`
/// (checked as UTF-8 once when read back), everything else into `code`.
#[derive(Default)]
struct Out {
    code: Vec<u8>,
    table: String,
}

impl Out {
    /// Bytes written in place, with their length.
    fn raw(&mut self, bytes: &[u8]) {
        self.usize(bytes.len());
        self.code.extend_from_slice(bytes);
    }

    fn usize(&mut self, mut n: usize) {
        while n >= 0x80 {
            self.code.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.code.push(n as u8);
    }

    fn u128(&mut self, n: u128) {
        self.code.extend_from_slice(&n.to_le_bytes());
    }

    fn bool(&mut self, b: bool) {
        self.code.push(b as u8);
    }

    fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.table.push_str(s);
    }

    fn delimiters(&mut self, d: &Delimiters) {
        for s in [
            &d.block_start,
            &d.block_end,
            &d.variable_start,
            &d.variable_end,
            &d.comment_start,
            &d.comment_end,
        ] {
            self.raw(s.as_bytes());
        }
    }

    fn span(&mut self, s: &Span) {
        for n in [s.start_line, s.start_col, s.end_line, s.end_col] {
            self.usize(n);
        }
        self.usize(s.range.start);
        self.usize(s.range.end);
    }

    fn spans(&mut self, spans: &[Span]) {
        self.usize(spans.len());
        for s in spans {
            self.span(s);
        }
    }

    fn strings<'a, S: AsRef<str> + 'a>(&mut self, strings: impl ExactSizeIterator<Item = &'a S>) {
        self.usize(strings.len());
        for s in strings {
            self.str(s.as_ref());
        }
    }

    fn calls(&mut self, calls: &HashMap<String, Vec<Span>>) {
        self.usize(calls.len());
        for (name, spans) in calls {
            self.str(name);
            self.spans(spans);
        }
    }

    fn template(&mut self, t: &Template) {
        // Fields `Template::new` always sets the same way are not stored: path
        // (None), from_glob (false), components (none: refused above), parents and
        // block lineage (empty until finalised), autoescape (on until finalised),
        // the total size (the source's length).
        self.chunk(&t.chunk);
        self.usize(t.blocks.len());
        for (name, chunk) in &t.blocks {
            self.str(name);
            self.chunk(chunk);
        }
        self.usize(t.block_name_spans.len());
        for (name, span) in &t.block_name_spans {
            self.str(name);
            self.span(span);
        }
        self.calls(&t.component_calls);
        self.calls(&t.filter_calls);
        self.calls(&t.test_calls);
        self.calls(&t.function_calls);
        self.calls(&t.include_calls);
        match &t.extends {
            Some(parent) => {
                self.bool(true);
                self.str(parent);
            }
            None => self.bool(false),
        }
        self.strings(t.top_level_variables.iter());
    }

    fn chunk(&mut self, c: &Chunk) {
        self.str(&c.name);
        self.usize(c.instructions.len());
        let mut spans = Out::default();
        for (i, instruction) in c.instructions.iter().enumerate() {
            self.instruction(instruction, c);
            spans.spans(c.spans_of(i));
        }
        // Kept apart, to be decoded only if an error message needs them.
        self.raw(&spans.code);
    }

    fn bools(&mut self, bools: &[bool]) {
        self.usize(bools.len());
        for b in bools {
            self.bool(*b);
        }
    }

    fn instruction(&mut self, i: &Instruction, chunk: &Chunk) {
        use Instruction::*;
        let tag = |out: &mut Out, t: u8| out.code.push(t);
        match i {
            LoadConst(v) => {
                tag(self, 0);
                self.value(v);
            }
            LoadName(s) => {
                tag(self, 1);
                self.str(s)
            }
            LoadAttr(s) => {
                tag(self, 2);
                self.str(s)
            }
            LoadAttrOpt(s) => {
                tag(self, 3);
                self.str(s)
            }
            BinarySubscript => tag(self, 4),
            BinarySubscriptOpt => tag(self, 5),
            Slice => tag(self, 6),
            SliceOpt => tag(self, 7),
            WriteText(s) => {
                tag(self, 8);
                self.str(s)
            }
            WriteTop => tag(self, 9),
            Set(s) => {
                tag(self, 10);
                self.str(s)
            }
            SetGlobal(s) => {
                tag(self, 11);
                self.str(s)
            }
            Include(s) => {
                tag(self, 12);
                self.str(s)
            }
            BuildMap(n) => {
                tag(self, 13);
                self.usize(*n)
            }
            BuildList(n) => {
                tag(self, 14);
                self.usize(*n)
            }
            BuildMapWithSpreads(b) => {
                tag(self, 15);
                self.bools(b)
            }
            BuildListWithSpreads(b) => {
                tag(self, 16);
                self.bools(b)
            }
            CallFunction(s) => {
                tag(self, 17);
                self.str(s)
            }
            RenderInlineComponent(s) => {
                tag(self, 18);
                self.str(s)
            }
            RenderInlineComponentToOutput(s) => {
                tag(self, 19);
                self.str(s)
            }
            RenderBodyComponent(s) => {
                tag(self, 20);
                self.str(s)
            }
            RenderBodyComponentToOutput(s) => {
                tag(self, 21);
                self.str(s)
            }
            ApplyFilter(s) => {
                tag(self, 22);
                self.str(s)
            }
            RunTest(s) => {
                tag(self, 23);
                self.str(s)
            }
            RenderBlock(s) => {
                tag(self, 24);
                self.str(s)
            }
            Jump(n) => {
                tag(self, 25);
                self.usize(*n)
            }
            PopJumpIfFalse(n) => {
                tag(self, 26);
                self.usize(*n)
            }
            JumpIfFalseOrPop(n) => {
                tag(self, 27);
                self.usize(*n)
            }
            JumpIfTrueOrPop(n) => {
                tag(self, 28);
                self.usize(*n)
            }
            Capture => tag(self, 29),
            EndCapture => tag(self, 30),
            StartIterate(b) => {
                tag(self, 31);
                self.bool(*b)
            }
            StartIterateComprehension(b) => {
                tag(self, 32);
                self.bool(*b)
            }
            Iterate(n) => {
                tag(self, 33);
                self.usize(*n)
            }
            StoreLocal(s) => {
                tag(self, 34);
                self.str(s)
            }
            StoreDidNotIterate => tag(self, 35),
            Break => tag(self, 36),
            PopLoop => tag(self, 37),
            AppendToList => tag(self, 38),
            Mul => tag(self, 39),
            Div => tag(self, 40),
            FloorDiv => tag(self, 41),
            Mod => tag(self, 42),
            Plus => tag(self, 43),
            Minus => tag(self, 44),
            Power => tag(self, 45),
            LessThan => tag(self, 46),
            GreaterThan => tag(self, 47),
            LessThanOrEqual => tag(self, 48),
            GreaterThanOrEqual => tag(self, 49),
            Equal => tag(self, 50),
            NotEqual => tag(self, 51),
            StrConcat => tag(self, 52),
            In => tag(self, 53),
            Not => tag(self, 54),
            Negative => tag(self, 55),
            LoadPath(p) => {
                tag(self, 56);
                self.strings(chunk.path(*p).iter())
            }
            WritePath(p) => {
                tag(self, 57);
                self.strings(chunk.path(*p).iter())
            }
        }
    }

    fn key(&mut self, k: &Key<'_>) {
        match k {
            Key::Bool(b) => {
                self.code.push(0);
                self.bool(*b)
            }
            Key::U64(n) => {
                self.code.push(1);
                self.u128(*n as u128)
            }
            Key::I64(n) => {
                self.code.push(2);
                self.u128(*n as u128)
            }
            Key::U128(n) => {
                self.code.push(3);
                self.u128(**n)
            }
            Key::I128(n) => {
                self.code.push(4);
                self.u128(**n as u128)
            }
            Key::String(s) => {
                self.code.push(5);
                self.str(s)
            }
            Key::Str(s) => {
                self.code.push(5);
                self.str(s)
            }
        }
    }

    fn value(&mut self, v: &Value) {
        match &v.inner {
            ValueInner::Undefined => self.code.push(0),
            ValueInner::None => self.code.push(1),
            ValueInner::Bool(b) => {
                self.code.push(2);
                self.bool(*b)
            }
            ValueInner::U64(n) => {
                self.code.push(3);
                self.u128(*n as u128)
            }
            ValueInner::I64(n) => {
                self.code.push(4);
                self.u128(*n as u128)
            }
            ValueInner::F64(f) => {
                self.code.push(5);
                self.u128(f.to_bits() as u128)
            }
            ValueInner::U128(n) => {
                self.code.push(6);
                self.u128(**n)
            }
            ValueInner::I128(n) => {
                self.code.push(7);
                self.u128(**n as u128)
            }
            ValueInner::String(s) => {
                self.code.push(8);
                self.bool(s.is_safe());
                self.str(s.as_str())
            }
            ValueInner::Array(values) => {
                self.code.push(9);
                self.usize(values.len());
                for v in values.iter() {
                    self.value(v);
                }
            }
            ValueInner::Map(map) => {
                self.code.push(10);
                self.usize(map.len());
                for (k, v) in map.iter() {
                    self.key(k);
                    self.value(v);
                }
            }
            ValueInner::Bytes(bytes) => {
                self.code.push(11);
                self.usize(bytes.len());
                self.code.extend_from_slice(bytes);
            }
        }
    }
}

/// A decoder of what [`Out`] wrote.
struct In<'a> {
    code: &'a [u8],
    /// The strings not read yet.
    table: &'a str,
}

impl<'a> In<'a> {
    /// An entry's template: its string table, then its code.
    fn entry(data: &'a [u8]) -> Option<In<'a>> {
        let mut input = In {
            code: data,
            table: "",
        };
        input.table = std::str::from_utf8(input.raw()?).ok()?;
        Some(input)
    }

    #[inline]
    fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.code.split_first()?;
        self.code = rest;
        Some(*first)
    }

    fn bytes(&mut self, len: usize) -> Option<&'a [u8]> {
        if len > self.code.len() {
            return None;
        }
        let (bytes, rest) = self.code.split_at(len);
        self.code = rest;
        Some(bytes)
    }

    fn raw(&mut self) -> Option<&'a [u8]> {
        let len = self.usize()?;
        self.bytes(len)
    }

    #[inline]
    fn usize(&mut self) -> Option<usize> {
        if let Some((&b, rest)) = self.code.split_first()
            && b < 0x80
        {
            self.code = rest;
            return Some(b as usize);
        }
        let mut n: usize = 0;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift >= usize::BITS {
                return None;
            }
            n |= ((b & 0x7f) as usize) << shift;
            if b < 0x80 {
                return Some(n);
            }
            shift += 7;
        }
    }

    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.bytes(16)?.try_into().ok()?))
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = self.usize()?;
        let s = self.table.get(..len)?;
        self.table = &self.table[len..];
        Some(s)
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }

    fn delimiters(&mut self) -> Option<Delimiters> {
        let mut next = || {
            let s = std::str::from_utf8(self.raw()?).ok()?;
            Some(std::borrow::Cow::Owned(s.to_owned()))
        };
        Some(Delimiters {
            block_start: next()?,
            block_end: next()?,
            variable_start: next()?,
            variable_end: next()?,
            comment_start: next()?,
            comment_end: next()?,
        })
    }

    fn span(&mut self) -> Option<Span> {
        Some(Span {
            start_line: self.usize()?,
            start_col: self.usize()?,
            end_line: self.usize()?,
            end_col: self.usize()?,
            range: self.usize()?..self.usize()?,
        })
    }

    fn spans(&mut self) -> Option<Vec<Span>> {
        let len = self.usize()?;
        (0..len).map(|_| self.span()).collect()
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let len = self.usize()?;
        (0..len).map(|_| self.string()).collect()
    }

    fn calls(&mut self) -> Option<HashMap<String, Vec<Span>>> {
        let len = self.usize()?;
        (0..len)
            .map(|_| Some((self.string()?, self.spans()?)))
            .collect()
    }

    fn bools(&mut self) -> Option<Vec<bool>> {
        let len = self.usize()?;
        (0..len).map(|_| self.bool()).collect()
    }

    fn key(&mut self) -> Option<Key<'static>> {
        Some(match self.byte()? {
            0 => Key::Bool(self.bool()?),
            1 => Key::U64(self.u128()? as u64),
            2 => Key::I64(self.u128()? as i64),
            3 => Key::U128(Box::new(self.u128()?)),
            4 => Key::I128(Box::new(self.u128()? as i128)),
            5 => Key::String(Arc::from(self.str()?)),
            _ => return None,
        })
    }

    fn value(&mut self) -> Option<Value> {
        let inner = match self.byte()? {
            0 => ValueInner::Undefined,
            1 => ValueInner::None,
            2 => ValueInner::Bool(self.bool()?),
            3 => ValueInner::U64(self.u128()? as u64),
            4 => ValueInner::I64(self.u128()? as i64),
            5 => ValueInner::F64(f64::from_bits(self.u128()? as u64)),
            6 => ValueInner::U128(Box::new(self.u128()?)),
            7 => ValueInner::I128(Box::new(self.u128()? as i128)),
            8 => {
                let safe = self.bool()?;
                ValueInner::String(SmartString::from_parts(self.str()?, safe))
            }
            9 => {
                let len = self.usize()?;
                let values = (0..len).map(|_| self.value()).collect::<Option<Vec<_>>>()?;
                ValueInner::Array(Arc::new(values))
            }
            10 => {
                let len = self.usize()?;
                let mut map = Map::default();
                for _ in 0..len {
                    let key = self.key()?;
                    map.insert(key, self.value()?);
                }
                ValueInner::Map(Arc::new(map))
            }
            11 => {
                let len = self.usize()?;
                ValueInner::Bytes(Arc::new(self.bytes(len)?.to_vec()))
            }
            _ => return None,
        };
        Some(Value { inner })
    }
}

/// policywright's patch: what a template is loaded into borrows its names and texts
/// from the blob, which is therefore `'static` (the binary's own bytes).
impl In<'static> {
    fn name(&mut self) -> Option<Str> {
        self.str().map(Str::Borrowed)
    }

    /// A path's names, stored in its chunk's `paths`.
    fn path(&mut self, paths: &mut Vec<Str>) -> Option<PathIdx> {
        let len = self.usize()?;
        let start = paths.len();
        for _ in 0..len {
            paths.push(self.name()?);
        }
        Some(PathIdx::new(start, paths.len() - start))
    }

    /// The template `name` parsed from `source`, as encoded by [`Out::template`];
    /// `None` if the entry is damaged or not read to its end.
    fn template(mut self, name: &str, source: &'static str) -> Option<Template> {
        let chunk = self.chunk()?;
        let blocks = (0..self.usize()?)
            .map(|_| Some((self.string()?, self.chunk()?)))
            .collect::<Option<_>>()?;
        let block_name_spans = (0..self.usize()?)
            .map(|_| Some((self.string()?, self.span()?)))
            .collect::<Option<_>>()?;
        let component_calls = self.calls()?;
        let filter_calls = self.calls()?;
        let test_calls = self.calls()?;
        let function_calls = self.calls()?;
        let include_calls = self.calls()?;
        let extends = match self.bool()? {
            true => Some(self.string()?),
            false => None,
        };
        let top_level_variables: StdHashSet<String> = self.strings()?.into_iter().collect();
        if !self.code.is_empty() || !self.table.is_empty() {
            return None;
        }
        Some(Template {
            name: name.to_string(),
            source: Str::Borrowed(source),
            path: None,
            from_glob: false,
            chunk,
            blocks,
            block_name_spans,
            components: HashMap::default(),
            component_calls,
            filter_calls,
            test_calls,
            function_calls,
            include_calls,
            total_content_num_bytes: source.len(),
            extends,
            parents: Vec::new(),
            block_lineage: HashMap::default(),
            autoescape_enabled: true,
            top_level_variables,
        })
    }

    fn chunk(&mut self) -> Option<Chunk> {
        let name = self.string()?;
        let len = self.usize()?;
        let mut instructions = Vec::with_capacity(len);
        let mut paths = Vec::new();
        for _ in 0..len {
            instructions.push(self.instruction(&mut paths)?);
        }
        let spans = SpanTable::encoded(self.raw()?);
        Some(Chunk {
            instructions,
            spans,
            name,
            paths,
        })
    }

    fn instruction(&mut self, paths: &mut Vec<Str>) -> Option<Instruction> {
        use Instruction::*;
        Some(match self.byte()? {
            0 => LoadConst(self.value()?),
            1 => LoadName(self.name()?),
            2 => LoadAttr(self.name()?),
            3 => LoadAttrOpt(self.name()?),
            4 => BinarySubscript,
            5 => BinarySubscriptOpt,
            6 => Slice,
            7 => SliceOpt,
            8 => WriteText(self.name()?),
            9 => WriteTop,
            10 => Set(self.name()?),
            11 => SetGlobal(self.name()?),
            12 => Include(self.name()?),
            13 => BuildMap(self.usize()?),
            14 => BuildList(self.usize()?),
            15 => BuildMapWithSpreads(self.bools()?),
            16 => BuildListWithSpreads(self.bools()?),
            17 => CallFunction(self.name()?),
            18 => RenderInlineComponent(self.name()?),
            19 => RenderInlineComponentToOutput(self.name()?),
            20 => RenderBodyComponent(self.name()?),
            21 => RenderBodyComponentToOutput(self.name()?),
            22 => ApplyFilter(self.name()?),
            23 => RunTest(self.name()?),
            24 => RenderBlock(self.name()?),
            25 => Jump(self.usize()?),
            26 => PopJumpIfFalse(self.usize()?),
            27 => JumpIfFalseOrPop(self.usize()?),
            28 => JumpIfTrueOrPop(self.usize()?),
            29 => Capture,
            30 => EndCapture,
            31 => StartIterate(self.bool()?),
            32 => StartIterateComprehension(self.bool()?),
            33 => Iterate(self.usize()?),
            34 => StoreLocal(self.name()?),
            35 => StoreDidNotIterate,
            36 => Break,
            37 => PopLoop,
            38 => AppendToList,
            39 => Mul,
            40 => Div,
            41 => FloorDiv,
            42 => Mod,
            43 => Plus,
            44 => Minus,
            45 => Power,
            46 => LessThan,
            47 => GreaterThan,
            48 => LessThanOrEqual,
            49 => GreaterThanOrEqual,
            50 => Equal,
            51 => NotEqual,
            52 => StrConcat,
            53 => In,
            54 => Not,
            55 => Negative,
            56 => LoadPath(self.path(paths)?),
            57 => WritePath(self.path(paths)?),
            _ => return None,
        })
    }

}
