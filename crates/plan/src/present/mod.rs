//! How the domain is presented: every interface string in Japanese and
//! English (`i18n`), the filter panel's facets (`facets`) and the charts'
//! options (`charts`). Kept in this crate so they are tested on the host;
//! nothing in the domain imports them.

pub mod charts;
pub mod facets;
pub mod i18n;
