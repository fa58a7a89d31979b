import Foundation

/// The pack `triage init` writes: two example categories plus `other`, playbooks in the
/// self-service → chat → phone/email tiers, an entity, a signal, a spelling block and
/// fixtures that pass. Domain-neutral (an account and a bill), so every team starts from
/// something that works and replaces it. `{NAME}` in a file is the pack's name.
public enum StarterPack {
    /// Relative path and contents of each file, for a pack called `name`.
    public static func files(name: String) -> [(path: String, contents: String)] {
        templates.map { ($0.path, $0.contents.replacingOccurrences(of: "{NAME}", with: name)) }
    }

    private static let templates: [(path: String, contents: String)] = [
        ("README.md", #"""
# {NAME}

A Triage rule pack, started with `triage init`. It classifies a message into one of two
example categories or `other`, and answers with a playbook.

| file | what |
|---|---|
| `common.rules` | settings, spelling, a signal, entities |
| `categories.rules` | the categories, their rules and playbooks |
| `fixtures/` | one folder per category of example messages with the expected answer |

Try it:

```sh
triage classify --rules . "I can't log in, the reset code never arrives"
triage lint --strict .
triage test --rules . .
```

Next: replace the two example categories with your own (docs/authoring.md walks through a
whole pack), add fixtures for each, and keep a set of real messages you never read to
measure on, in a file of its own that `triage test` scores.

"""#),
        ("common.rules", #"""
# Shared pieces of the pack: scoring, signals, entities and how customers spell things.
# Weights add up to a score per category; a category needs the threshold to win, and a
# message that reaches no threshold is `other`.

settings {
  threshold 3
  fallback other
}

# How customers write words the rules spell out, rewritten before matching.
spelling {
  u -> you
  pls plz -> please
  cant -> "can't"
  dont -> "don't"
}

signal urgent "Time-critical: the customer needs it now"

# A reference the customer quotes: two to four letters, a dash or not, four to eight digits.
# triage-ignore: no-prefilter-literal
entity reference "reference number" = /\b[A-Z]{2,4}-?\d{4,8}\b/ as upper_compact

# An amount of money with a currency sign or code.
# triage-ignore: no-prefilter-literal
entity amount "amount" = /[$£€]\s?\d[\d,]*(?:\.\d{1,2})?|\b\d+(?:\.\d{1,2})?\s?(?:usd|gbp|eur|dollars|pounds|euros)\b/i as amount

rule needs_it_now -> signal urgent {
  when words { asap urgent urgently "right now" immediately today tonight }
  description "asap, urgent, today"
}

"""#),
        ("categories.rules", #"""
# Two example categories. Each is described by its vocabulary in families that must agree
# (what it is about, and what went wrong), so new wordings of the same problem still match.

category account.locked "Locked out of the account" {
  playbook locked_out
  description "Cannot sign in: password, code, locked or suspended account"
}

category billing.wrong_charge "Wrong charge" {
  playbook wrong_charge
  outranks account.locked
  description "Charged twice, too much, or for something not ordered"
}

category other "Other" { playbook general }

define account_words = words fuzzy { account login "log in" "sign in" password code profile }
define locked_words = words fuzzy {
  locked "locked out" blocked suspended "can't" "cannot" "unable to" forgot reset "not working"
  "doesn't work"
}

# "I can't log in", "my account is locked", "reset code never came".
rule cannot_get_in -> account.locked {
  when affirmed(locked_words) within 6 words of account_words
  weight 3
  description "can't log in, account locked"
}

define money_words = words fuzzy { charged charge billed bill payment paid card refund price }
define wrong_words = words fuzzy {
  twice double "two times" again extra wrong unauthorised unauthorized "didn't order"
  "never ordered" overcharged "too much"
}

# "charged twice", "billed for something I never ordered".
rule wrong_charge -> billing.wrong_charge {
  when wrong_words within 8 words of money_words
  weight 3
  description "charged twice, billed too much"
}

playbook locked_out "Locked out" {
  needs reference "the reference of any earlier contact"
  step self_service "Use 'Forgot password' on the sign-in page and check your spam folder for the code."
  step chat "Start an online chat and say which step fails: password, code or a locked account."
  step phone "If the account is locked and you need it today, call support." when urgent
  record "the time of each attempt and any error message"
  escalate email "If it is still locked after two days, email support with your reference {reference|number}."
}

playbook wrong_charge "Wrong charge" {
  needs amount "the amount charged"
  step self_service "Compare the charge with your orders and invoices: a pending authorisation often drops off in a few days."
  step chat "Start an online chat with the amount ({amount|the amount on your statement}) and the date of each charge."
  record "the case number and what the agent promised to reverse"
  escalate phone "If it is not reversed within 7 days, call support and quote your case number."
}

playbook general "General help" {
  step self_service "Search the help pages for your question."
  step chat "Start an online chat and describe the problem in one or two sentences."
}

"""#),
        ("fixtures/account.locked/cannot-log-in.triage", #"""
expect: account.locked
---
I can't log in to my account, the password reset code never arrives

"""#),
        ("fixtures/account.locked/locked-urgent.triage", #"""
expect: account.locked
signals: urgent
entities: reference=AB123456
---
My account is locked and I need it today. Reference AB-123456

"""#),
        ("fixtures/billing.wrong_charge/charge-and-login.triage", #"""
expect: billing.wrong_charge
secondary: account.locked
note: the charge is the problem to solve first (outranks), the login is secondary
---
I was billed twice and now I cannot log in to my account to check it

"""#),
        ("fixtures/billing.wrong_charge/charged-twice.triage", #"""
expect: billing.wrong_charge
entities: amount=USD 49.99
---
You charged my card twice for the same order, $49.99 each time

"""#),
        ("fixtures/other/question.triage", #"""
expect: other
---
Do you have this jacket in blue?

"""#),
    ]
}
