//! Layer 1, base. The standard string surface shared by every validated text newtype (`Box<str>` inside).

/// Implements `FromStr`, `TryFrom<&str>`, `AsRef<str>`, `Display`, `From<T> for String` and
/// serde (through `T::parse`, so an invalid value never deserialises) for a newtype
/// `T(Box<str>)` whose checked constructor is `T::parse(&str) -> Result<T, E>`.
///
/// `str_traits!(T, E, secret)` implements them all but `Display`, for a value that must not be
/// printed by accident (a transfer token); the type writes its own, redacted.
macro_rules! str_traits {
    ($name:ident, $err:ty) => {
        $crate::surface::str_traits!($name, $err, secret);

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
    ($name:ident, $err:ty, secret) => {
        impl ::std::str::FromStr for $name {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, $err> {
                $name::parse(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $err;
            fn try_from(s: &str) -> Result<Self, $err> {
                $name::parse(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0.into_string()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use str_traits;
