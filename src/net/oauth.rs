//! OAuth pieces any platform's sign-in can use: PKCE (RFC 7636, S256).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use super::secret::Secret;

/// A PKCE pair: the verifier stays here until the code is exchanged, the challenge
/// goes in the authorize URL. Servers that do not know PKCE ignore both.
#[derive(Debug, Clone)]
pub struct Pkce {
    pub verifier: Secret,
    pub challenge: String,
}

impl Pkce {
    /// A fresh pair from the system's random source.
    pub fn generate() -> Result<Pkce, getrandom::Error> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        Ok(Pkce::from_verifier(Secret::new(
            URL_SAFE_NO_PAD.encode(bytes),
        )))
    }

    /// The pair of a given verifier (43 to 128 characters of `[A-Za-z0-9-._~]`).
    pub fn from_verifier(verifier: Secret) -> Pkce {
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.expose().as_bytes()));
        Pkce {
            verifier,
            challenge,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_of_the_rfc_7636_example() {
        // RFC 7636, appendix B.
        let p = Pkce::from_verifier(Secret::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assert_eq!(p.challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn generated_verifiers_differ_and_fit_the_rfc() {
        let a = Pkce::generate().unwrap();
        let b = Pkce::generate().unwrap();
        assert_ne!(a.verifier, b.verifier);
        let v = a.verifier.expose();
        assert!((43..=128).contains(&v.len()));
        assert!(
            v.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
        );
        assert_eq!(format!("{a:?}").matches(v).count(), 0);
    }
}
