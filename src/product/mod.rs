//! Layer 2, values. The product catalogue a reseller orders from: Google Workspace and Cloud Identity editions,
//! Google Vault and additional Drive storage, with their Reseller API `productId` and `skuId`.
//!
//! ```
//! use gws_onboarding::{Edition, Product, Sku};
//!
//! let sku = Sku::parse("Google-Apps", "1010020027")?;
//! assert_eq!(sku.edition(), Some(Edition::BusinessStarter));
//! assert_eq!(Edition::BusinessStarter.name(), "Google Workspace Business Starter");
//!
//! // A SKU this catalogue does not know yet is kept as it came.
//! let new = Sku::parse("Google-Apps", "1010020099")?;
//! assert_eq!(new.product(), None);
//! assert_eq!(new.sku_id(), "1010020099");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

/// Implements `Display` (writing `as_str()`) and, with the `serde` feature, string serde through
/// `FromStr`.
macro_rules! impl_string_surface {
    ($($ty:ty),* $(,)?) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                raw.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

mod addon;
mod catalogue;
mod edition;
mod error;
mod family;
mod item;
mod sku;

pub use addon::{Addon, StorageSize};
pub use catalogue::{Availability, CatalogueEntry, Prerequisite, catalogue};
pub use edition::Edition;
pub use error::ParseProductError;
pub use family::ProductFamily;
pub use item::{ListedSku, Product};
pub use sku::{MAX_ID_LEN, Sku, SkuError, SkuField};

impl_string_surface!(
    ProductFamily,
    Edition,
    StorageSize,
    Addon,
    Product,
    ListedSku
);

#[cfg(test)]
mod tests {
    use crate::error::Lang;
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn catalogue_matches_domain_md() {
        let table = [
            (Edition::BusinessStarter, "Google-Apps", "1010020027"),
            (Edition::BusinessStandard, "Google-Apps", "1010020028"),
            (Edition::BusinessPlus, "Google-Apps", "1010020025"),
            (Edition::EnterpriseStarter, "Google-Apps", "1010020029"),
            (Edition::EnterpriseStandard, "Google-Apps", "1010020026"),
            (Edition::EnterprisePlus, "Google-Apps", "1010020020"),
            (Edition::Essentials, "Google-Apps", "1010060001"),
            (Edition::EnterpriseEssentials, "Google-Apps", "1010060003"),
            (
                Edition::EnterpriseEssentialsPlus,
                "Google-Apps",
                "1010060005",
            ),
            (Edition::FrontlineStarter, "Google-Apps", "1010020030"),
            (Edition::FrontlineStandard, "Google-Apps", "1010020031"),
            (Edition::FrontlinePlus, "Google-Apps", "1010020034"),
            (
                Edition::EducationFundamentals,
                "Google-Apps",
                "Google-Apps-For-Education",
            ),
            (Edition::EducationStandard, "101031", "1010310005"),
            (Edition::EducationPlus, "101031", "1010310008"),
            (Edition::CloudIdentityFree, "101001", "1010010001"),
            (Edition::CloudIdentityPremium, "101005", "1010050001"),
        ];
        assert_eq!(table.len(), Edition::ALL.len());
        for (edition, product_id, sku_id) in table {
            assert_eq!(
                (edition.product_id(), edition.sku_id()),
                (product_id, sku_id)
            );
            assert_eq!(
                Sku::parse(product_id, sku_id).unwrap().edition(),
                Some(edition)
            );
        }
        let sizes = [
            "20GB", "50GB", "200GB", "400GB", "1TB", "2TB", "4TB", "8TB", "16TB",
        ];
        for (size, label) in StorageSize::ALL.into_iter().zip(sizes) {
            let addon = Addon::Storage(size);
            assert_eq!(addon.product_id(), "Google-Drive-storage");
            assert_eq!(addon.sku_id(), format!("Google-Drive-storage-{label}"));
            assert_eq!(size.label(), label);
            assert_eq!(addon.as_str(), format!("storage-{}", size.as_str()));
        }
    }

    #[test]
    fn names_and_skus_are_unique_and_round_trip() {
        let products: Vec<Product> = Product::all().collect();
        let names: HashSet<_> = products.iter().map(|p| p.as_str()).collect();
        let skus: HashSet<_> = products
            .iter()
            .map(|p| (p.product_id(), p.sku_id()))
            .collect();
        assert_eq!(names.len(), products.len());
        assert_eq!(skus.len(), products.len());
        for product in products {
            assert_eq!(product.as_str().parse::<Product>(), Ok(product));
            assert_eq!(product.to_string(), product.as_str());
            let sku = Sku::parse(product.product_id(), product.sku_id()).unwrap();
            assert_eq!(sku, product.sku());
            assert_eq!(sku.product(), Some(product));
            assert!(!product.name().is_empty());
            let kebab = product.as_str();
            assert!(
                kebab
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
        }
        for family in ProductFamily::ALL {
            assert_eq!(family.as_str().parse::<ProductFamily>(), Ok(family));
        }
        for size in StorageSize::ALL {
            assert_eq!(size.as_str().parse::<StorageSize>(), Ok(size));
            assert_eq!(size.label().parse::<StorageSize>(), Ok(size));
        }
    }

    #[test]
    fn edition_properties() {
        let essentials: Vec<_> = Edition::ALL
            .into_iter()
            .filter(|e| e.is_essentials_family())
            .collect();
        assert_eq!(
            essentials,
            [
                Edition::Essentials,
                Edition::EnterpriseEssentials,
                Edition::EnterpriseEssentialsPlus
            ]
        );
        for edition in Edition::ALL {
            assert_eq!(
                edition.requires_verified_domain(),
                !edition.is_essentials_family()
            );
            // Issue 16: 50 is Cloud Identity Free's default user cap, not a seat limit.
            assert_eq!(edition.max_seats(), None);
            assert_eq!(
                edition.free_user_cap(),
                (edition == Edition::CloudIdentityFree).then_some(50)
            );
            assert!(
                edition.name().starts_with("Google Workspace")
                    || edition.name().starts_with("Cloud Identity")
            );
        }
        assert_eq!(Edition::BusinessStarter.as_str(), "business-starter");
        assert_eq!(
            Edition::BusinessStarter.name(),
            "Google Workspace Business Starter"
        );
        assert!(Addon::Vault.requires_verified_domain());
    }

    #[test]
    fn unknown_skus_round_trip_and_compare_by_strings() {
        let sku = Sku::parse("Google-Apps", "1010020099").unwrap();
        assert!(!sku.is_known());
        assert_eq!(
            (sku.product_id(), sku.sku_id()),
            ("Google-Apps", "1010020099")
        );
        let known = Sku::parse("Google-Apps", "1010020027").unwrap();
        assert!(known < sku);
        assert_eq!(known, Sku::from(Edition::BusinessStarter));
        // Case matters: Google's ids are case-sensitive.
        assert!(!Sku::parse("google-apps", "1010020027").unwrap().is_known());
        let max = "a".repeat(MAX_ID_LEN);
        assert!(Sku::parse(&max, &max).is_ok());
    }

    #[test]
    fn rejects_malformed_ids() {
        let err = |p: &str, s: &str| Sku::parse(p, s).unwrap_err();
        assert_eq!(
            err("", "1"),
            SkuError::Empty {
                field: SkuField::ProductId
            }
        );
        assert_eq!(
            err("Google-Apps", ""),
            SkuError::Empty {
                field: SkuField::SkuId
            }
        );
        assert_eq!(
            err("Google-Apps", &"1".repeat(MAX_ID_LEN + 1)),
            SkuError::TooLong {
                field: SkuField::SkuId,
                max: MAX_ID_LEN
            }
        );
        assert_eq!(err(&"x".repeat(100_000), "1").code(), "sku.too_long");
        for bad in [" 1", "1 ", "10\u{202e}1", "1\n", "ï", "1\t"] {
            let e = err("Google-Apps", bad);
            assert_eq!(e.code(), "sku.invalid_char", "{bad:?}");
            assert_eq!(e.field(), SkuField::SkuId);
        }
        assert_eq!(
            err("Google-Apps", "1\u{202e}").to_string(),
            "skuId contains \"\\u{202e}\": only printable ASCII without spaces is allowed"
        );
        assert_eq!(
            "nonprofits".parse::<Edition>().unwrap_err().code(),
            "product.unknown_edition"
        );
        // Names are matched like the form's other choices: any case, surrounding space trimmed.
        assert_eq!(
            " Business-Starter ".parse::<Edition>(),
            Ok(Edition::BusinessStarter)
        );
        assert_eq!(
            "Google-Workspace".parse::<ProductFamily>(),
            Ok(ProductFamily::GoogleWorkspace)
        );
    }

    #[test]
    fn every_code_has_english_and_french_messages() {
        let errors: Vec<Box<dyn crate::Diagnostic>> = vec![
            Box::new("x".parse::<Edition>().unwrap_err()),
            Box::new("x".parse::<Product>().unwrap_err()),
            Box::new("x".parse::<ProductFamily>().unwrap_err()),
            Box::new(SkuError::Empty {
                field: SkuField::SkuId,
            }),
            Box::new(SkuError::TooLong {
                field: SkuField::SkuId,
                max: 64,
            }),
            Box::new(SkuError::InvalidChar {
                field: SkuField::SkuId,
                found: "x".into(),
            }),
        ];
        let mut codes = HashSet::new();
        for err in errors {
            assert!(codes.insert(err.code()));
            assert_eq!(err.message(Lang::En), err.to_string());
            assert!(!err.message(Lang::Fr).is_empty());
            assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_parsers() {
        assert_eq!(
            serde_json::to_string(&Edition::BusinessStarter).unwrap(),
            "\"business-starter\""
        );
        assert_eq!(
            serde_json::from_str::<Product>("\"storage-16tb\"").unwrap(),
            Product::Addon(Addon::Storage(StorageSize::Tb16))
        );
        // Names as people type them, Rust's variant name included.
        assert_eq!(
            serde_json::from_str::<Edition>("\"BusinessStarter\"").unwrap(),
            Edition::BusinessStarter
        );
        assert!(serde_json::from_str::<Edition>("\"BusinessPremium\"").is_err());
        let sku = Sku::from(Edition::CloudIdentityFree);
        let json = serde_json::to_string(&sku).unwrap();
        assert_eq!(json, r#"{"productId":"101001","skuId":"1010010001"}"#);
        assert_eq!(serde_json::from_str::<Sku>(&json).unwrap(), sku);
        let unknown = r#"{"productId":"Google-Apps","skuId":"42"}"#;
        assert_eq!(
            serde_json::to_string(&serde_json::from_str::<Sku>(unknown).unwrap()).unwrap(),
            unknown
        );
        assert!(serde_json::from_str::<Sku>(r#"{"productId":"","skuId":"1"}"#).is_err());
        assert!(serde_json::from_str::<Sku>(r#"{"productId":"a b","skuId":"1"}"#).is_err());
    }
}
