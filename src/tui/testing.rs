//! Helpers the wizard's tests share.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;

/// The app drawn into a `width` x `height` TestBackend, as text: one line per row,
/// trailing spaces trimmed, so snapshots show what a person would see.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| super::ui::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
