//! Validate a "Create customer" form offline, as a salesperson would before clicking Create.
//!
//! ```text
//! cargo run --example onboard                                  # the bundled sample request
//!                                                              # (examples/forms/domain-customer.json)
//! cargo run --example onboard -- FILE.json [--json] [--lang fr]
//! cargo run --example onboard -- - --json < FILE.json          # "-" reads standard input
//! cargo run --example onboard -- FILE.json --plan channel [--json]   # plan the journey
//! cargo run --example onboard -- FILE.json --plan reseller --transfer TOKEN   # plan a transfer
//! ```
//!
//! Without a file it checks the bundled sample, says so (naming
//! `examples/forms/domain-customer.json`) and ends by saying how to check your own form; with
//! `--json` these two notes go to standard error. Without `--json` it prints a summary of the
//! valid customer (with any warnings) or the list of violations. With `--json` it prints exactly one JSON object on standard output:
//!
//! ```text
//! {"valid":true,"violations":[{"field":"...","code":"...","severity":"error|warning","message":"..."}],"customer":{...}}
//! ```
//!
//! `valid` is true when no violation is an error; warnings are listed even when valid. A valid
//! form's object also holds `customer`: the customer as the crate normalised it (lowercase
//! domain, E.164 phone, BCP 47 language tag), in the JSON shape `persist` saves and reloads;
//! that is what a service would store. An invalid form's object has no `customer`.
//!
//! With `--plan reseller|channel` the example also plans the onboarding journey on that API
//! (`gws_onboarding::journey::plan`): the requests sent when every answer is a success, with
//! brace placeholders (`{account}`, `{customer}`, `{customerId}`, `{offer}`) for what Google
//! assigns or the reseller looks up. With `--json` the object gains `"plan"`, the steps in
//! order, each `{"call": "<Google method id>", "method": "POST", "path": "...", "body": {...}}`
//! (no `body` for a `GET`); it is `[]` when the form or its order has an error or the input is
//! unreadable. Without `--json` the steps are printed for a person after the summary.
//!
//! With `--transfer TOKEN` as well, the plan is that of a transfer with the customer's
//! transfer token (hexadecimal): Channel checks the account, imports it, lists its
//! transferable SKUs and their offers (`{sku}`, `{offer}`) and transfers the entitlements;
//! Reseller gets the customer (not yours), inserts it with the token, lists the subscriptions
//! the token opens and moves each (`{skuId}`), then buys the order when the customer does not
//! hold its SKU. The example finds these steps by driving the journey with stand-in answers
//! (`examples/onboard/transfer_plan.rs`), as a service drives it with Google's.
//!
//! Exit codes:
//!
//! - `0`: the form is valid (warnings allowed);
//! - `1`: the form has at least one error (a field of an impossible JSON type, such as an
//!   object where text goes, is one: `input.type` on that field);
//! - `2`: the input is unreadable (missing file, over 1 MiB, not UTF-8, not JSON, not a JSON
//!   object). With `--json` the object is then
//!   `{"valid":false,"violations":[{"field":"","code":"input.unreadable","severity":"error","message":"..."}]}`;
//!   without it the reason goes to standard error. A usage error (unknown flag, bad `--lang`,
//!   two files) also exits with `2`, with the usage on standard error and nothing on standard
//!   output.

use std::ffi::OsString;
use std::fmt::{self, Write as _};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use gws_onboarding::customer::CustomerKind;
use gws_onboarding::form::{self, OnboardingForm, Policy, Report, ViolationEntry};
use gws_onboarding::journey::{self, Api};
use gws_onboarding::wire::TransferToken;
use gws_onboarding::{Customer, Lang, Severity};
use serde_json::Value;

#[path = "onboard/transfer_plan.rs"]
mod transfer_plan;

/// The bundled sample request, validated when no file is given.
const SAMPLE: &str = include_str!("forms/domain-customer.json");

/// Where the bundled sample lives in the repository, as `onboard` names it.
const SAMPLE_PATH: &str = "examples/forms/domain-customer.json";

/// What `onboard` says before checking the bundled sample (no file given).
fn sample_intro(lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            format!("aucun fichier indiqué : vérification de l'exemple fourni {SAMPLE_PATH}")
        }
        _ => format!("no file given: checking the bundled sample {SAMPLE_PATH}"),
    }
}

/// How to check a form of one's own, said after the bundled sample.
fn sample_outro(lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            "pour vérifier votre propre formulaire (JSON, mêmes champs que l'exemple) :\n  \
             cargo run --example onboard -- VOTRE-FICHIER.json [--json] [--lang fr]\n\
             autres exemples dans examples/forms/ ; aide : cargo run --example onboard -- --help"
                .to_owned()
        }
        _ => "to check your own form (JSON, the same fields as the sample):\n  \
             cargo run --example onboard -- YOUR-FILE.json [--json] [--lang fr]\n\
             more samples in examples/forms/; help: cargo run --example onboard -- --help"
            .to_owned(),
    }
}

/// The largest input read, in bytes.
const MAX_INPUT: u64 = 1024 * 1024;

/// The code of the single violation printed with `--json` when the input cannot be read.
const UNREADABLE_CODE: &str = "input.unreadable";

const USAGE: &str = "\
usage: onboard [FILE.json | -] [--json] [--lang en|fr] [--plan reseller|channel [--transfer TOKEN]]

Validates a Google Workspace \"Create customer\" form (the bundled sample
examples/forms/domain-customer.json when no FILE is given; \"-\" reads standard input).

  --json         print one JSON object {\"valid\": bool, \"violations\": [...]}
  --lang en|fr   language of the messages (default en)
  --plan API     also plan the onboarding journey on API: reseller or channel
                 (with --json, the object gains \"plan\": [steps])
  --transfer TOKEN  with --plan: plan a transfer with the customer's transfer token
  -h, --help     print this help

exit status: 0 valid, 1 invalid, 2 unreadable input or usage error";

const EXIT_VALID: u8 = 0;
const EXIT_INVALID: u8 = 1;
const EXIT_UNREADABLE: u8 = 2;

/// Where the form comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Sample,
    Stdin,
    File(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Args {
    source: Source,
    json: bool,
    lang: Lang,
    plan: Option<Api>,
    transfer: Option<TransferToken>,
}

/// What the command line asked for.
#[derive(Debug)]
enum Command {
    Run(Args),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut source = Source::Sample;
    let mut json = false;
    let mut lang = Lang::En;
    let mut plan = None;
    let mut transfer = None;
    let mut only_files = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let text = arg.to_str();
        let flag = if only_files {
            None
        } else {
            text.filter(|t| t.starts_with('-') && *t != "-")
        };
        match flag {
            None => {
                if source != Source::Sample {
                    return Err("more than one input file".to_owned());
                }
                source = if text == Some("-") && !only_files {
                    Source::Stdin
                } else {
                    Source::File(PathBuf::from(arg))
                };
            }
            Some("--") => only_files = true,
            Some("-h" | "--help") => return Ok(Command::Help),
            Some("--json") => json = true,
            Some("--lang") => {
                let value = args.next().ok_or("--lang needs a value: en or fr")?;
                lang = parse_lang(value.to_str())?;
            }
            Some("--plan") => {
                let value = args
                    .next()
                    .ok_or("--plan needs a value: reseller or channel")?;
                plan = Some(parse_api(value.to_str())?);
            }
            Some("--transfer") => {
                let value = args
                    .next()
                    .ok_or("--transfer needs the customer's transfer token")?;
                transfer = Some(parse_token(value.to_str())?);
            }
            Some(other) => {
                if let Some(value) = other.strip_prefix("--transfer=") {
                    transfer = Some(parse_token(Some(value))?);
                } else if let Some(value) = other.strip_prefix("--lang=") {
                    lang = parse_lang(Some(value))?;
                } else if let Some(value) = other.strip_prefix("--plan=") {
                    plan = Some(parse_api(Some(value))?);
                } else {
                    return Err(format!("unknown option {other:?}"));
                }
            }
        }
    }
    if transfer.is_some() && plan.is_none() {
        return Err("--transfer plans a transfer: give --plan reseller or channel too".to_owned());
    }
    Ok(Command::Run(Args {
        source,
        json,
        lang,
        plan,
        transfer,
    }))
}

fn parse_token(value: Option<&str>) -> Result<TransferToken, String> {
    match value {
        Some(v) => TransferToken::parse(v).map_err(|e| e.to_string()),
        None => Err("--transfer needs the customer's transfer token".to_owned()),
    }
}

fn parse_lang(value: Option<&str>) -> Result<Lang, String> {
    match value {
        Some(v) => v.parse::<Lang>().map_err(|e| e.to_string()),
        None => Err("--lang needs a value: en or fr".to_owned()),
    }
}

fn parse_api(value: Option<&str>) -> Result<Api, String> {
    match value {
        Some(v) => v.parse::<Api>().map_err(|e| e.to_string()),
        None => Err("--plan needs a value: reseller or channel".to_owned()),
    }
}

/// Why the input could not be turned into a form.
#[derive(Debug)]
enum InputError {
    Io(io::Error),
    Directory,
    TooLarge,
    NotUtf8,
    NotObject,
    Json(serde_json::Error),
}

impl InputError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (InputError::Io(e), Lang::Fr) => format!("lecture impossible : {e}"),
            (InputError::Directory, Lang::Fr) => "c'est un répertoire, pas un fichier".to_owned(),
            (InputError::TooLarge, Lang::Fr) => {
                format!("le fichier dépasse {MAX_INPUT} octets")
            }
            (InputError::NotUtf8, Lang::Fr) => "le fichier n'est pas en UTF-8".to_owned(),
            (InputError::NotObject, Lang::Fr) => {
                "le fichier doit contenir un objet JSON {...}".to_owned()
            }
            (InputError::Json(e), Lang::Fr) => format!("JSON invalide : {e}"),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "cannot read it: {e}"),
            InputError::Directory => f.write_str("it is a directory, not a file"),
            InputError::TooLarge => write!(f, "it is larger than {MAX_INPUT} bytes"),
            InputError::NotUtf8 => f.write_str("it is not UTF-8 text"),
            InputError::NotObject => f.write_str("it must hold a JSON object {...}"),
            InputError::Json(e) => write!(f, "invalid JSON form: {e}"),
        }
    }
}

/// Reads at most [`MAX_INPUT`] bytes; a larger input is refused before parsing.
fn read_limited(reader: impl Read) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(InputError::Io)?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(InputError::TooLarge);
    }
    Ok(bytes)
}

fn read_source(source: &Source) -> Result<Vec<u8>, InputError> {
    match source {
        Source::Sample => Ok(SAMPLE.as_bytes().to_vec()),
        Source::Stdin => read_limited(io::stdin().lock()),
        Source::File(path) => {
            let file = File::open(path).map_err(InputError::Io)?;
            let meta = file.metadata().map_err(InputError::Io)?;
            if meta.is_dir() {
                return Err(InputError::Directory);
            }
            if meta.is_file() && meta.len() > MAX_INPUT {
                return Err(InputError::TooLarge);
            }
            read_limited(file)
        }
    }
}

/// Parses the bytes as one JSON object holding the form's fields (missing fields count as
/// blank; unknown fields are ignored).
fn parse_form(bytes: &[u8]) -> Result<OnboardingForm, InputError> {
    let text = std::str::from_utf8(bytes).map_err(|_| InputError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The form's reader refuses anything but an object too; say it plainly.
    if !text.trim_start().starts_with('{') {
        return match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => Err(InputError::NotObject),
            Err(e) => Err(InputError::Json(e)),
        };
    }
    serde_json::from_str(text).map_err(InputError::Json)
}

/// Labels of the human summary.
struct Labels {
    valid: &'static str,
    invalid: &'static str,
    kind: &'static str,
    organization: &'static str,
    domain: &'static str,
    admin: &'static str,
    secondary: &'static str,
    address: &'static str,
    edition: &'static str,
    family: &'static str,
    phone: &'static str,
    language: &'static str,
    education: &'static str,
    crm_id: &'static str,
    none: &'static str,
    warnings: &'static str,
    errors: &'static str,
}

const EN: Labels = Labels {
    valid: "valid customer",
    invalid: "invalid form",
    kind: "kind",
    organization: "organisation",
    domain: "domain",
    admin: "admin",
    secondary: "secondary",
    address: "address",
    edition: "edition",
    family: "family",
    phone: "phone",
    language: "language",
    education: "education",
    crm_id: "CRM id",
    none: "(none)",
    warnings: "warnings",
    errors: "errors",
};

const FR: Labels = Labels {
    valid: "client valide",
    invalid: "formulaire invalide",
    kind: "type",
    organization: "organisation",
    domain: "domaine",
    admin: "administrateur",
    secondary: "secondaire",
    address: "adresse",
    edition: "édition",
    family: "famille",
    phone: "téléphone",
    language: "langue",
    education: "enseignement",
    crm_id: "id CRM",
    none: "(aucun)",
    warnings: "avertissements",
    errors: "erreurs",
};

fn labels(lang: Lang) -> &'static Labels {
    if lang == Lang::Fr { &FR } else { &EN }
}

fn kind_name(kind: CustomerKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (CustomerKind::Domain, Lang::Fr) => "client d'un domaine",
        (CustomerKind::Team, Lang::Fr) => "client dans une équipe",
        (CustomerKind::Domain, _) => "domain customer",
        (CustomerKind::Team, _) => "team customer",
    }
}

fn write_customer(out: &mut impl Write, customer: &Customer, lang: Lang) -> io::Result<()> {
    let l = labels(lang);
    let admin = customer.admin();
    let admin_line = match admin.display_name() {
        Some(name) => format!("{name} <{}>", admin.email()),
        None => admin.email().to_string(),
    };
    let address = customer.postal_address();
    let mut parts: Vec<String> = vec![
        address.contact_name().to_owned(),
        address.organization_name().to_owned(),
    ];
    parts.extend(address.address_lines().map(str::to_owned));
    parts.push(match address.locality() {
        Some(locality) => format!("{} {locality}", address.postal_code()),
        None => address.postal_code().to_owned(),
    });
    parts.extend(address.region().map(str::to_owned));
    parts.push(address.country_code().to_string());
    let or_none = |value: Option<String>| value.unwrap_or_else(|| l.none.to_owned());

    writeln!(out, "{}", l.valid)?;
    writeln!(out, "  {:<14} {}", l.kind, kind_name(customer.kind(), lang))?;
    writeln!(
        out,
        "  {:<14} {}",
        l.organization,
        customer.organization_name()
    )?;
    writeln!(out, "  {:<14} {}", l.domain, customer.domain())?;
    writeln!(out, "  {:<14} {admin_line}", l.admin)?;
    writeln!(
        out,
        "  {:<14} {}",
        l.secondary,
        or_none(customer.secondary_email().map(ToString::to_string))
    )?;
    writeln!(out, "  {:<14} {}", l.address, parts.join(", "))?;
    writeln!(
        out,
        "  {:<14} {}",
        l.family,
        customer.product_family().name()
    )?;
    writeln!(
        out,
        "  {:<14} {}",
        l.edition,
        or_none(customer.edition().map(|e| format!("{} ({e})", e.name())))
    )?;
    if let Some(phone) = customer.phone_number() {
        writeln!(out, "  {:<14} {phone}", l.phone)?;
    }
    if let Some(language) = customer.language_code() {
        writeln!(out, "  {:<14} {language}", l.language)?;
    }
    if let Some(education) = customer.education() {
        let mut text = education.institute_type().channel_name().to_owned();
        if let Some(size) = education.size() {
            text.push_str(", ");
            text.push_str(size.as_str());
        }
        if let Some(website) = education.website() {
            text.push_str(", ");
            text.push_str(website.as_str());
        }
        writeln!(out, "  {:<14} {text}", l.education)?;
    }
    if let Some(crm_id) = customer.crm_id() {
        writeln!(out, "  {:<14} {crm_id}", l.crm_id)?;
    }
    Ok(())
}

fn write_violations(
    out: &mut impl Write,
    title: &str,
    report: &Report,
    severity: Severity,
    lang: Lang,
) -> io::Result<()> {
    let mut violations = report
        .iter()
        .filter(|v| v.severity() == severity)
        .peekable();
    if violations.peek().is_none() {
        return Ok(());
    }
    writeln!(out, "{title}:")?;
    for v in violations {
        writeln!(out, "  - {}: {} [{}]", v.field(), v.message(lang), v.code())?;
    }
    Ok(())
}

fn write_human(
    out: &mut impl Write,
    customer: Option<&Customer>,
    report: &Report,
    lang: Lang,
) -> io::Result<()> {
    let l = labels(lang);
    match customer {
        Some(customer) => write_customer(out, customer, lang)?,
        None => writeln!(out, "{}", l.invalid)?,
    }
    write_violations(out, l.errors, report, Severity::Error, lang)?;
    write_violations(out, l.warnings, report, Severity::Warning, lang)
}

/// One JSON object, keys in the documented order: `valid`, then `violations` (each
/// `field`, `code`, `severity`, `message`), then `customer` for a valid form (the persist
/// shape), then `plan` when one was asked for.
fn json_object(
    valid: bool,
    violations: &[ViolationEntry],
    customer: Option<&Customer>,
    plan: Option<&[Value]>,
) -> String {
    // Serialising plain strings cannot fail; an empty list is the safe fallback.
    let violations = serde_json::to_string(violations).unwrap_or_else(|_| "[]".to_owned());
    let mut out = format!("{{\"valid\":{valid},\"violations\":{violations}");
    if let Some(customer) = customer.filter(|_| valid) {
        // A validated customer always serialises; `null` is the safe fallback.
        let customer = serde_json::to_string(customer).unwrap_or_else(|_| "null".to_owned());
        let _ = write!(out, ",\"customer\":{customer}");
    }
    if let Some(steps) = plan {
        let steps = serde_json::to_string(steps).unwrap_or_else(|_| "[]".to_owned());
        let _ = write!(out, ",\"plan\":{steps}");
    }
    out.push('}');
    out
}

fn json_unreadable(message: String, plan: bool) -> String {
    let entry = ViolationEntry {
        field: String::new(),
        code: UNREADABLE_CODE,
        severity: Severity::Error,
        message,
    };
    json_object(false, &[entry], None, plan.then_some(&[]))
}

/// The plan for a person: one numbered step per call, its verb and path, and its body.
fn write_plan(out: &mut impl Write, api: Api, steps: &[Value], lang: Lang) -> io::Result<()> {
    let title = match lang {
        Lang::Fr => "parcours prévu",
        _ => "planned journey",
    };
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    writeln!(out, "{title} ({api}){colon}")?;
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    for (n, step) in steps.iter().enumerate() {
        writeln!(out, "  {}. {}", n + 1, text(&step["call"]))?;
        writeln!(
            out,
            "     {} {}",
            text(&step["method"]),
            text(&step["path"])
        )?;
        if let Some(body) = step.get("body") {
            writeln!(out, "     {body}")?;
        }
    }
    Ok(())
}

/// The most characters of a reading error shown: serde's messages quote the offending value,
/// which may be huge.
const MAX_MESSAGE_CHARS: usize = 300;

fn cut(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message,
    }
}

fn source_name(source: &Source) -> String {
    match source {
        Source::Sample => format!("the bundled sample {SAMPLE_PATH}"),
        Source::Stdin => "standard input".to_owned(),
        Source::File(path) => path.display().to_string(),
    }
}

fn run(args: &Args) -> u8 {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let form = read_source(&args.source).and_then(|bytes| parse_form(&bytes));
    let form = match form {
        Ok(form) => form,
        Err(e) => {
            let message = cut(e.message(args.lang));
            // Output errors (a closed pipe) are ignored: the exit status still tells.
            if args.json {
                let _ = writeln!(out, "{}", json_unreadable(message, args.plan.is_some()));
            } else {
                let _ = writeln!(
                    io::stderr(),
                    "onboard: {}: {message}",
                    source_name(&args.source)
                );
            }
            return EXIT_UNREADABLE;
        }
    };
    let (customer, report) = form::check(&form, &Policy::default()).into_parts();
    // A plan only for a valid customer (and order); `[]` otherwise.
    let plan = args.plan.map(|api| {
        let steps = match (&customer, report.has_errors(), &args.transfer) {
            (Some(customer), false, Some(token)) => transfer_plan::steps(customer, api, token)
                .unwrap_or_else(|e| {
                    let _ = writeln!(io::stderr(), "onboard: {e}");
                    Vec::new()
                }),
            (Some(customer), false, None) => journey::plan(customer, api)
                .iter()
                .filter_map(|step| serde_json::to_value(step).ok())
                .collect(),
            _ => Vec::new(),
        };
        (api, steps)
    });
    let sample = args.source == Source::Sample;
    let _ = if args.json {
        // Standard output holds the JSON object only: the note about the sample goes to
        // standard error.
        if sample {
            let _ = writeln!(io::stderr(), "onboard: {}", sample_intro(args.lang));
        }
        writeln!(
            out,
            "{}",
            json_object(
                !report.has_errors(),
                &report.entries(args.lang),
                customer.as_ref(),
                plan.as_ref().map(|(_, steps)| steps.as_slice())
            )
        )
    } else {
        if sample {
            let _ = writeln!(out, "{}\n", sample_intro(args.lang));
        }
        write_human(&mut out, customer.as_ref(), &report, args.lang).and_then(|()| match &plan {
            Some((api, steps)) if !steps.is_empty() => write_plan(&mut out, *api, steps, args.lang),
            _ => Ok(()),
        })
    };
    if sample {
        let _ = if args.json {
            writeln!(io::stderr(), "onboard: {}", sample_outro(args.lang))
        } else {
            writeln!(out, "\n{}", sample_outro(args.lang))
        };
    }
    if report.has_errors() {
        EXIT_INVALID
    } else {
        EXIT_VALID
    }
}

fn main() -> ExitCode {
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => ExitCode::from(run(&args)),
        Ok(Command::Help) => {
            let _ = writeln!(io::stdout(), "{USAGE}");
            ExitCode::from(EXIT_VALID)
        }
        Err(problem) => {
            let _ = writeln!(io::stderr(), "onboard: {problem}\n\n{USAGE}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}
