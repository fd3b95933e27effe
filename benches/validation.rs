//! Validation benchmarks, each beside the bare dependency calls it needs (its "floor").
//!
//! Run with `cargo bench --bench validation`; `BENCHMARKS.md` has the figures and the ratios.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gws_onboarding::form::{self, OnboardingForm, Policy};
use gws_onboarding::{EmailAddress, PrimaryDomain, SuffixList};

mod common;
use common::{DOMAINS, EMAILS, bare_domain, bare_email, floor_list, listed_customers};

fn domains(c: &mut Criterion) {
    let list = floor_list();
    let _ = SuffixList::embedded();
    let mut group = c.benchmark_group("domain");
    group.bench_function("gws_onboarding::PrimaryDomain::parse", |b| {
        b.iter(|| {
            for d in DOMAINS {
                let _ = black_box(PrimaryDomain::parse(black_box(d)));
            }
        });
    });
    group.bench_function("floor: idna + publicsuffix", |b| {
        b.iter(|| {
            for d in DOMAINS {
                black_box(bare_domain(&list, black_box(d)));
            }
        });
    });
    group.finish();
}

fn emails(c: &mut Criterion) {
    let list = floor_list();
    let _ = SuffixList::embedded();
    let mut group = c.benchmark_group("email");
    group.bench_function("gws_onboarding::EmailAddress::parse", |b| {
        b.iter(|| {
            for e in EMAILS {
                let _ = black_box(EmailAddress::parse(black_box(e)));
            }
        });
    });
    group.bench_function("floor: email_address + idna + publicsuffix", |b| {
        b.iter(|| {
            for e in EMAILS {
                black_box(bare_email(&list, black_box(e)));
            }
        });
    });
    group.bench_function("peer: addr::parse_email_address", |b| {
        b.iter(|| {
            for e in EMAILS {
                let _ = black_box(addr::parse_email_address(black_box(e)));
            }
        });
    });
    group.finish();
}

fn forms(c: &mut Criterion) {
    let list = floor_list();
    let policy = Policy::default();
    let sample = OnboardingForm::sample_domain_customer();
    assert!(form::validate(&sample, &policy).is_ok());
    let mut group = c.benchmark_group("form");
    group.bench_function("gws_onboarding::form::validate", |b| {
        b.iter(|| black_box(form::validate(black_box(&sample), &policy)));
    });
    group.bench_function("floor: domain + 2 emails, bare", |b| {
        b.iter(|| {
            let f = black_box(&sample);
            black_box(bare_domain(&list, &f.domain))
                + black_box(bare_email(&list, &f.admin.email))
                + black_box(bare_email(
                    &list,
                    f.secondary_email.as_deref().unwrap_or_default(),
                ))
        });
    });
    group.finish();
}

fn huge_input(c: &mut Criterion) {
    let huge = "a".repeat(10 * 1024 * 1024);
    let mut group = c.benchmark_group("reject 10 MB");
    group.bench_function("PrimaryDomain::parse", |b| {
        b.iter(|| black_box(PrimaryDomain::parse(black_box(&huge)).is_err()));
    });
    group.bench_function("EmailAddress::parse", |b| {
        b.iter(|| black_box(EmailAddress::parse(black_box(&huge)).is_err()));
    });
    group.finish();
}

fn labels(c: &mut Criterion) {
    use gws_onboarding::lifecycle;
    // 100 000 customers; one name in five is shared by several teams (the Essentials case).
    let customers = listed_customers(100_000);
    let mut group = c.benchmark_group("display_labels");
    group.sample_size(20);
    group.bench_function("100k customers", |b| {
        b.iter(|| black_box(lifecycle::display_labels(black_box(&customers))));
    });
    group.bench_function("10k customers", |b| {
        b.iter(|| black_box(lifecycle::display_labels(black_box(&customers[..10_000]))));
    });
    group.finish();
}

criterion_group!(benches, domains, emails, forms, huge_input, labels);
criterion_main!(benches);
