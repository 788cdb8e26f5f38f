//! The list under "The possible errors that can be raised are:".

use super::page::Cursor;
use crate::diagnostic::Diagnostic;

/// One `- CODE: message` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentedError {
    pub code: String,
    pub message: String,
    /// 0-based page line.
    pub line: usize,
}

/// Reads the `- ` lines after the list's introduction (at `intro`, already passed).
pub fn parse(
    cursor: &mut Cursor<'_, '_>,
    intro: usize,
) -> Result<Vec<DocumentedError>, Diagnostic> {
    let page = cursor.page;
    let lines = cursor.take_until(|line| !line.starts_with("- "));
    if lines.is_empty() {
        return Err(page
            .error(intro, "the list of possible errors is empty")
            .with_hint("the scrape lost the `- CODE: message` lines that follow"));
    }
    lines
        .into_iter()
        .map(|(index, line)| {
            let item = &line[2..];
            let (code, message) = item.split_once(':').unwrap_or((item, ""));
            let (code, message) = (code.trim(), message.trim());
            if !is_error_code(code) {
                return Err(page
                    .error(index, format!("`{code}` is not an error code"))
                    .with_hint("error lines read `- KT-XX-1234: message`"));
            }
            if message.is_empty() {
                return Err(page
                    .error(index, format!("error `{code}` has no message"))
                    .with_hint("error lines read `- KT-XX-1234: message`"));
            }
            Ok(DocumentedError {
                code: code.to_string(),
                message: message.to_string(),
                line: index,
            })
        })
        .collect()
}

/// `KT-`, two capital letters, `-`, digits (e.g. `KT-CT-1111`).
fn is_error_code(code: &str) -> bool {
    let mut parts = code.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("KT"), Some(area), Some(number), None)
            if area.len() == 2
                && area.chars().all(|c| c.is_ascii_uppercase())
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_error_codes() {
        assert!(is_error_code("KT-CT-1111"));
        assert!(is_error_code("KT-JP-10312"));
        assert!(!is_error_code("KT-ct-1111"));
        assert!(!is_error_code("KT-CT-"));
        assert!(!is_error_code("KT-CT-11-1"));
        assert!(!is_error_code("password_too_short"));
    }
}
