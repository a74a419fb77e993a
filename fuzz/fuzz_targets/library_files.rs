//! Any bytes as each kind of library file (exercise with its figure, programme,
//! template, clinic, fonts list, the config file): every problem reported,
//! never a panic or a hang; an exercise that reads has its figure drawn.
#![no_main]
use handout::content::diagnose::parse_all;
use handout::content::{Clinic, Exercise, FontsManifest, Program, Template};
use handout::figure::{draw, validate, FigureStyle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(ex) = parse_all::<Exercise>("fuzz.toml", data) {
        if let Some(fig) = &ex.figure {
            let _ = validate(fig);
            let _ = draw(fig, &FigureStyle::default());
        }
    }
    let _ = parse_all::<Program>("fuzz.toml", data);
    let _ = parse_all::<Template>("fuzz.toml", data);
    let _ = parse_all::<Clinic>("fuzz.toml", data);
    let _ = parse_all::<FontsManifest>("fuzz.toml", data);
});
