//! Any bytes as a handout's PDF (to find its plan) and as a plan itself.
#![no_main]
use handout::plan::Plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = Plan::from_toml("fuzz.toml", data) {
        let _ = plan.selection();
    }
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend_from_slice(data);
    let _ = Plan::from_pdf("fuzz.pdf", &pdf);
});
