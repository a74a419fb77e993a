//! The logical structure for tagged PDF: content in the tree, furniture as artifacts.

use super::*;

#[test]
fn content_is_in_the_structure_and_page_furniture_is_artifact() {
    let s = setup();
    let mut sel = glute(Paper::A4);
    sel.log_weeks = Some(1);
    sel.notes = Some("Walk daily.".into());
    let d = doc(&s, sel).unwrap();
    assert_eq!(d.structure[0].kind, NodeKind::Document);
    for (i, n) in d.structure.iter().enumerate().skip(1) {
        let p = n.parent.expect("only the document has no parent");
        assert!(p < i, "node {i} comes before its parent {p}");
    }
    for p in &d.pages {
        for it in &p.items {
            let footer = p.blocks.iter().any(|b| {
                matches!(b.kind, BlockKind::Footer | BlockKind::RunningHeader)
                    && b.rect.contains(&it.bounds())
            });
            match (&it.item, it.role) {
                // Page furniture: the footer, the running header, and the title
                // of a card's part on a later page.
                (Item::Text(l), Role::Artifact(_)) => assert!(
                    footer || l.text().ends_with("(continued)"),
                    "{:?} is not in the structure",
                    l.text()
                ),
                (Item::Text(l), Role::Node(_)) => {
                    assert!(!footer, "{:?} in a footer is tagged", l.text())
                }
                (Item::Image { .. }, role) => assert!(
                    matches!(role, Role::Node(n) if matches!(d.structure[n].kind, NodeKind::Figure { .. }))
                ),
                _ => {}
            }
            if let Role::Node(n) = it.role {
                assert!(n < d.structure.len());
            }
        }
    }
    let headings: Vec<String> = d
        .structure
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Heading { title, .. } => Some(title.clone()),
            _ => None,
        })
        .collect();
    let clinic = &s.lib.clinic;
    let mut expected = vec![
        clinic.name.clone(),
        "Home exercise programme".into(),
        "Your plan".into(),
    ];
    expected.extend(glute_exercises(&s).iter().map(|e| e.title.clone()));
    // The notes stay near the exercises; the safety box follows them.
    expected.extend([
        "Notes from your clinician".into(),
        clinic.safety.title.clone(),
        "Exercise log".into(),
        "Week 1: 25 November to 1 December 2026".into(),
    ]);
    assert_eq!(headings, expected);
}
