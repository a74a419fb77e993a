//! Tests of the figure engine.
