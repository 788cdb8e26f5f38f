//! Rustdoc from GraphQL descriptions and catalogue text.
//!
//! Descriptions are prose written for a web page, so they are sanitised before they
//! become `///` comments:
//! - `[` and `]` are escaped, so rustdoc does not read them as intra-doc links;
//! - `<` and `>` are escaped, so rustdoc does not read them as HTML tags;
//! - bare URLs are wrapped in `<...>`, so rustdoc links them instead of warning;
//! - leading indentation is removed, so an indented line does not become a doctest;
//! - fenced code blocks are marked `text`, so they are shown and never compiled.
//!
//! Text inside backticks is left alone.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Deprecated;

/// `#[doc]` attributes for already sanitised Markdown, one per line.
pub fn attrs(markdown: &str) -> TokenStream {
    let lines = markdown.trim_end().lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// `#[deprecated(note = ...)]` for something deprecated, nothing otherwise.
pub fn deprecated(deprecated: Option<&Deprecated>) -> Option<TokenStream> {
    deprecated.map(|Deprecated { note }| quote!(#[deprecated(note = #note)]))
}

/// Sanitised Markdown for a description (see the module docs).
pub fn sanitize(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.trim().lines() {
        let line = line.trim();
        if line.starts_with("```") {
            out.push(if in_fence { "```" } else { "```text" }.to_string());
            in_fence = !in_fence;
        } else if in_fence {
            out.push(line.to_string());
        } else {
            out.push(sanitize_line(line));
        }
    }
    if in_fence {
        out.push("```".to_string());
    }
    out.join("\n")
}

/// Escapes one line of prose, leaving inline code spans alone.
fn sanitize_line(line: &str) -> String {
    line.split('`')
        .enumerate()
        .map(|(index, part)| {
            if index % 2 == 1 {
                part.to_string()
            } else {
                escape_prose(part)
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

fn escape_prose(text: &str) -> String {
    if !text.contains(['[', ']', '<', '>']) && !text.contains("http") {
        return text.to_string();
    }
    text.split(' ')
        .map(|word| {
            let escaped = word
                .replace('[', "\\[")
                .replace(']', "\\]")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let start = escaped.find("https://").or_else(|| escaped.find("http://"));
            match start {
                Some(start) => {
                    let (before, url) = escaped.split_at(start);
                    let link = url.trim_end_matches(['.', ',', ';', ':', ')', '\'', '"']);
                    format!("{before}<{link}>{}", &url[link.len()..])
                }
                None => escaped,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_links_html_urls_and_code() {
        let text = "  Use [`foo`] or Vec<T>; see https://example.com/a.\n    indented (http://b.jp/x).\n```\nfn x() {}\n```\n`a[0]` stays";
        assert_eq!(
            sanitize(text),
            "Use \\[`foo`\\] or Vec&lt;T&gt;; see <https://example.com/a>.\nindented (<http://b.jp/x>).\n```text\nfn x() {}\n```\n`a[0]` stays"
        );
    }

    #[test]
    fn one_attribute_per_line() {
        assert_eq!(
            attrs("a\n\nb").to_string(),
            quote!(#[doc = " a"] #[doc = ""] #[doc = " b"]).to_string()
        );
    }
}
