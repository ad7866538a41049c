//! The crate's layers (ARCHITECTURE.md, "Layers"): a module imports only modules of lower
//! layers, so there is no import circle, and the bottom layers (`browser`, `bundle` and the pure
//! logic) import nothing of the app. Read from the sources' `crate::` paths.

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom first. A module may use the modules of the layers below its own, never its own layer
/// or one above.
const LAYERS: &[&[&str]] = &[
    &["text", "mojibake"],
    &["dates", "regions", "hosting"],
    &["bundle", "browser", "odds"],
    &["search", "api", "links", "head", "navigation", "franchise"],
    &["follow"],
    &["names", "components"],
    &["pages", "embed", "cards"],
    &["prerender"],
    &["import"],
];

/// Modules held to fewer imports than their layer allows: the importer is a tool beside the app,
/// over the bundle, the pure logic and the franchise grouping only; the grouping reads the
/// bundle's kinds of work and nothing else; the Latin names read titles as the grouping does;
/// the odds from history are arithmetic on days, over the dates alone; the calendars and the
/// feed are written from shows' facts, with the site's paths and name; the share cards say what
/// the answer box says.
const NARROWER: &[(&str, &[&str])] = &[("import", &["bundle", "dates", "regions", "text", "mojibake", "franchise", "names", "odds"]), ("franchise", &["bundle"]), ("names", &["franchise"]), ("odds", &["dates"]), ("follow", &["bundle", "dates", "links", "head", "text"]), ("cards", &["bundle", "components", "head", "dates", "text"])];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a source file belongs to: `src/bundle/decode.rs` → `bundle`.
fn module_of(file: &Path, src: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::<module>` a source names, outside comments.
fn imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_imports_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    let mut placed = BTreeSet::new();
    for file in &files {
        let module = module_of(file, &src);
        // The crate's root, its entry points and the binaries sit above every layer.
        if matches!(module.as_str(), "lib" | "main" | "bin") {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            wrong.push(format!("{}: module `{module}` is in no layer of LAYERS", file.display()));
            continue;
        };
        placed.insert(module.clone());
        for used in imports(&std::fs::read_to_string(file).unwrap()) {
            if used == module {
                continue;
            }
            let narrower = NARROWER.iter().find(|(m, _)| *m == module).map(|(_, allowed)| allowed.contains(&used.as_str()));
            match (layer_of(&used), narrower) {
                (_, Some(false)) => wrong.push(format!("{}: `{module}` may import only {:?}, not `{used}`", file.display(), NARROWER.iter().find(|(m, _)| *m == module).map(|(_, a)| a))),
                (Some(layer), _) if layer < own => {}
                _ => wrong.push(format!("{}: `{module}` (layer {own}) imports `{used}`", file.display())),
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
    assert!(placed.contains("bundle") && placed.contains("browser") && placed.contains("pages") && placed.contains("import"), "the sources were read: {placed:?}");
}

#[test]
fn imports_are_read_from_code_not_comments() {
    let found = imports("use crate::bundle::Show; // crate::pages\nlet x = crate::text::fold(y);");
    assert_eq!(found.into_iter().collect::<Vec<_>>(), ["bundle", "text"]);
}

/// Every `super::<module>` a source of a module's folder names, outside comments.
fn sibling_imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let mut rest = line.split("//").next().unwrap_or_default();
        while let Some(at) = rest.find("super::") {
            rest = &rest[at + "super::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            // `super::super::…` and `super::*` (a test module's own parent) name no sibling.
            if !name.is_empty() && name != "super" {
                found.insert(name);
            }
        }
    }
    found
}

/// A circle in `edges` (file → the files it imports), as the files around it, if there is one.
fn circle(edges: &std::collections::BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(at: &str, edges: &std::collections::BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == at) {
            let mut found = path[start..].to_vec();
            found.push(at.to_string());
            return Some(found);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in edges.get(at).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

/// Within the bundle, the schema, the rules and the decoders import one way (issue 24): no file
/// of `src/bundle/` imports one that imports it back, however far round. `mod.rs` (which only
/// re-exports) and the tests are left out.
#[test]
fn the_bundle_s_files_import_one_way() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bundle");
    let mut edges = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "mod" || name == "tests" {
            continue;
        }
        // The file's own code, without its test module (which may use anything of its parent).
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        edges.insert(name, sibling_imports(code));
    }
    assert!(edges.contains_key("decode") && edges.contains_key("show_rules"), "the bundle's files were read: {edges:?}");
    if let Some(found) = circle(&edges) {
        panic!("the bundle's files import round in a circle: {}", found.join(" → "));
    }
    assert_eq!(circle(&[("a".to_string(), ["b".to_string()].into()), ("b".to_string(), ["a".to_string()].into())].into()), Some(vec!["a".into(), "b".into(), "a".into()]));
}
