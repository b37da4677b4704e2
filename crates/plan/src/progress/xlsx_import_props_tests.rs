//! Property tests of `progress::xlsx_import`.
