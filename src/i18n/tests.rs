use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// Message id -> the variables it uses, for one language.
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (file, source) in FILES.iter().zip(sources(language)) {
        let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(_, errors)| {
            panic!("{}/{file}.ftl does not parse: {errors:?}", language.tag())
        });
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{}: message {id} is defined twice",
                    language.tag()
                );
            }
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = messages(Language::En);
    assert!(
        english.len() > 50,
        "only {} English messages",
        english.len()
    );
    for language in [Language::ZhHans, Language::ZhHant] {
        let other = messages(language);
        for (id, vars) in &english {
            let Some(theirs) = other.get(id) else {
                panic!("{} lacks the message {id}", language.tag());
            };
            assert_eq!(
                theirs,
                vars,
                "{}: {id} uses other variables",
                language.tag()
            );
        }
        for id in other.keys() {
            assert!(
                english.contains_key(id),
                "{}: {id} is not an English message",
                language.tag()
            );
        }
    }
}

/// Every `.rs` file under `dir`, with its text.
fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

/// The code of a file before its unit tests.
fn code_part(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// The message ids used with `t!` and `tm!` in a piece of code.
fn used_ids(code: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (start, _) in code.match_indices("t!(").chain(code.match_indices("tm!(")) {
        let rest = &code[start..];
        // The first string literal inside the macro call is the id.
        let Some(open) = rest.find('"') else { continue };
        let close_paren = rest.find(')').unwrap_or(rest.len());
        if open > close_paren && !rest[..open].contains(',') {
            continue;
        }
        let after = &rest[open + 1..];
        if let Some(end) = after.find('"') {
            let id = &after[..end];
            if !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                ids.push(id.to_owned());
            }
        }
    }
    ids
}

#[test]
fn every_message_id_used_in_the_code_exists() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut missing = Vec::new();
    let mut used = 0;
    for (path, text) in files.iter().filter(|(p, _)| !p.contains("/i18n/")) {
        for id in used_ids(code_part(text)) {
            used += 1;
            if !has_message(Language::En, &id) {
                missing.push(format!("{path}: {id}"));
            }
        }
    }
    assert!(used > 50, "only {used} uses of t!/tm! found");
    assert!(
        missing.is_empty(),
        "messages used but not defined:\n{}",
        missing.join("\n")
    );
}

/// String literals in a piece of Rust code, skipping comments, char literals and the
/// id of each `t!`/`tm!` call; with the text just before each.
fn literals(code: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == '/' && bytes.get(i + 1) == Some(&'/') {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
        } else if c == '\'' && bytes.get(i + 2) == Some(&'\'') {
            i += 3;
        } else if c == '\'' && bytes.get(i + 1) == Some(&'\\') {
            i += 4;
        } else if c == '"' {
            let before: String = bytes[i.saturating_sub(24)..i].iter().collect();
            let mut j = i + 1;
            let mut s = String::new();
            while j < bytes.len() && bytes[j] != '"' {
                if bytes[j] == '\\' {
                    j += 1;
                }
                if let Some(ch) = bytes.get(j) {
                    s.push(*ch);
                }
                j += 1;
            }
            out.push((before, s));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// True if a literal is words a person would read.
fn reads_as_words(s: &str, before: &str) -> bool {
    // Placeholders and the program's own name (the prefix of stderr lines) are not words.
    let mut bare = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let bare = bare.replace("waymark", "").replace("Waymark", "");
    let s = bare.as_str();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return false;
    }
    let has_cjk = s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let words = s.contains(' ') || s.chars().next().is_some_and(char::is_uppercase) || has_cjk;
    // Ids, keys and format strings of numbers are not words.
    let allowed_context = [
        "t!(",
        "tm!(",
        "Id::unique(",
        "Id::new(",
        "id_salt(",
        "with(",
        "Panel::",
        "Grid::new(",
        "stringify!(",
        "debug_assert",
        "env!(",
        "include_str!(",
        "concat!(",
    ];
    // A context counts only as a whole name: `format!(` is not `t!(`.
    let in_context = |ctx: &str| {
        before.match_indices(ctx).any(|(i, _)| {
            before[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
    };
    words && !allowed_context.iter().any(|ctx| in_context(ctx))
}

/// Languages' own names are shown as they are, in every interface language.
const NATIVE_NAMES: [&str; 3] = ["English", "简体中文", "繁體中文"];

#[test]
fn no_user_facing_string_literal_is_left_in_ui_or_app() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("ui"), &mut files);
    rust_files(&root.join("app"), &mut files);
    let mut found = Vec::new();
    for (path, text) in &files {
        for (before, s) in literals(code_part(text)) {
            if reads_as_words(&s, &before) && !NATIVE_NAMES.contains(&s.as_str()) {
                found.push(format!("{path}: \"{s}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} user-facing literals; move them to assets/i18n/*/*.ftl and use t!:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn system_locales_choose_the_interface_language() {
    for (locale, language) in [
        ("zh_CN.UTF-8", Language::ZhHans),
        ("zh-SG", Language::ZhHans),
        ("zh-Hans-CN", Language::ZhHans),
        ("zh_TW.UTF-8", Language::ZhHant),
        ("zh-HK", Language::ZhHant),
        ("zh_MO", Language::ZhHant),
        ("zh-Hant", Language::ZhHant),
        ("en_GB.UTF-8", Language::En),
        ("fr-FR", Language::En),
        ("C", Language::En),
        ("", Language::En),
    ] {
        assert_eq!(Language::from_locale(locale), language, "{locale}");
    }
}

#[test]
fn messages_are_translated_and_fall_back_to_english_then_the_id() {
    assert_ne!(
        message(Language::ZhHans, "menu-file", None),
        message(Language::En, "menu-file", None)
    );
    assert_eq!(
        message(Language::ZhHant, "no-such-message", None),
        "no-such-message"
    );
    let mut args = Args::new();
    args.set("count", arg(3_usize));
    let text = message(Language::En, "find-count", Some(&args));
    assert_eq!(text, "3 matches", "plural rule and no isolation marks");
    args.set("count", arg(1_usize));
    assert_eq!(message(Language::En, "find-count", Some(&args)), "1 match");
}

#[test]
fn errors_read_in_chinese_without_switching_the_interface_and_keep_file_and_line() {
    use crate::io::LoadError;
    use crate::model::{Place, Problem, ProblemKind};

    let problem = Problem {
        location: vec![
            Place::Journey("宽带开通".to_owned()),
            Place::Lane("触点".to_owned()),
            Place::Card(17),
        ],
        kind: ProblemKind::NoStage(9),
    };
    let text = crate::i18n::problem_text(Language::ZhHans, &problem);
    assert_eq!(text, "旅程“宽带开通” › 泳道“触点” › 卡片 17：阶段 9 不存在");
    assert_eq!(
        crate::i18n::problem_text(Language::En, &problem),
        "journey \"宽带开通\" › lane \"触点\" › card 17: stage 9 does not exist"
    );

    let error = LoadError::NotUtf8 {
        path: "maps/broken.ron".into(),
        line: 3,
        column: 14,
    };
    let args = {
        let mut args = crate::i18n::Args::new();
        args.set("path", crate::i18n::arg(error.path().display()));
        args.set("line", crate::i18n::arg(3_usize));
        args.set("column", crate::i18n::arg(14_usize));
        args
    };
    let zh = crate::i18n::message(Language::ZhHans, "err-load-not-utf8", Some(&args));
    assert_eq!(zh, "maps/broken.ron:3:14：文件不是 UTF-8 文本");
    let hant = crate::i18n::message(Language::ZhHant, "err-load-not-utf8", Some(&args));
    assert!(
        hant.contains("檔案") && hant.starts_with("maps/broken.ron:3:14"),
        "{hant}"
    );
    // The interface was not switched: Display is still English.
    if crate::i18n::interface() == Language::En {
        assert_eq!(
            error.to_string(),
            "maps/broken.ron:3:14: the file is not UTF-8 text"
        );
    }
}
