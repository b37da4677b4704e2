//! Reading a file the user picked, refusing oversized ones unread.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::describe;

pub enum Picked {
    Text { name: String, text: String },
    TooLarge { name: String, bytes: usize },
}

/// The first file of an `<input type="file">` change event, if any.
pub async fn read_text(ev: &web_sys::Event, max_bytes: usize) -> Result<Option<Picked>, String> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Ok(None);
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return Ok(None) };
    // Picking the same file again must fire `change` again.
    input.set_value("");
    let name = file.name();
    let bytes = file.size() as usize;
    if bytes > max_bytes {
        return Ok(Some(Picked::TooLarge { name, bytes }));
    }
    let text = JsFuture::from(file.text()).await.map_err(describe)?;
    let text = text.as_string().ok_or_else(|| format!("{name}: not text"))?;
    Ok(Some(Picked::Text { name, text }))
}
