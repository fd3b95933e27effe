//! Layer 2, values. libphonenumber's number patterns as deterministic automata over the ten
//! digits.
//!
//! The patterns of `data/phone_metadata.tsv` use a small part of regular-expression syntax:
//! digits, `\d`, classes of digits (`[2-79]`), non-capturing groups `(?:…)`, alternation `|`,
//! and the counted repetitions `?`, `{n}` and `{n,m}`. Such a pattern is compiled once (Thompson
//! construction, then subset construction) into a table of ten transitions per state, so checking
//! a number costs one table step per digit, whatever the pattern. A pattern outside that syntax,
//! or one whose automaton would exceed [`MAX_STATES`], is refused, and a test checks that every
//! bundled pattern compiles.

use std::collections::HashMap;

/// The most automaton states a pattern may compile to (the largest bundled one needs a few
/// hundred).
const MAX_STATES: usize = 4096;

/// The deepest nesting of groups a pattern may have.
const MAX_DEPTH: usize = 32;

/// The largest repetition count (`{n,m}`): no national number has more digits than this.
const MAX_REPEAT: u32 = 20;

/// A transition to no state: the input cannot match any more.
const DEAD: u16 = u16::MAX;

/// A pattern, parsed: sets of digits (bit `d` for digit `d`), in sequence, in alternatives,
/// and repeated.
#[derive(Debug, Clone)]
enum Node {
    Set(u16),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, u32),
}

/// A recursive-descent reader of the pattern syntax above.
struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    /// `a|b|…`, up to a `)` or the end.
    fn alternation(&mut self, depth: usize) -> Option<Node> {
        let mut alternatives = vec![self.sequence(depth)?];
        while self.eat(b'|') {
            alternatives.push(self.sequence(depth)?);
        }
        Some(if alternatives.len() == 1 {
            alternatives.pop()?
        } else {
            Node::Alt(alternatives)
        })
    }

    fn sequence(&mut self, depth: usize) -> Option<Node> {
        let mut items = Vec::new();
        while !matches!(self.peek(), None | Some(b'|' | b')')) {
            let atom = self.atom(depth)?;
            items.push(self.repetition(atom)?);
        }
        Some(Node::Concat(items))
    }

    fn atom(&mut self, depth: usize) -> Option<Node> {
        let byte = self.peek()?;
        self.at += 1;
        match byte {
            b'0'..=b'9' => Some(Node::Set(1 << (byte - b'0'))),
            b'\\' => self.eat(b'd').then_some(Node::Set(0x3ff)),
            b'[' => self.class(),
            b'(' if depth < MAX_DEPTH && self.eat(b'?') && self.eat(b':') => {
                let inner = self.alternation(depth + 1)?;
                self.eat(b')').then_some(inner)
            }
            _ => None,
        }
    }

    /// `[…]`: digits, ranges `a-b` and `\d`.
    fn class(&mut self) -> Option<Node> {
        let mut set = 0_u16;
        loop {
            match self.peek()? {
                b']' => {
                    self.at += 1;
                    return (set != 0).then_some(Node::Set(set));
                }
                b'\\' => {
                    self.at += 1;
                    set |= self.eat(b'd').then_some(0x3ff)?;
                }
                low @ b'0'..=b'9' => {
                    self.at += 1;
                    let high = if self.eat(b'-') {
                        let high = self.peek().filter(u8::is_ascii_digit)?;
                        self.at += 1;
                        high
                    } else {
                        low
                    };
                    for d in low..=high {
                        set |= 1 << (d - b'0');
                    }
                }
                _ => return None,
            }
        }
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.at])
            .ok()?
            .parse()
            .ok()
            .filter(|&n| n <= MAX_REPEAT)
    }

    /// `?`, `{n}` or `{n,m}` after an atom, if any.
    fn repetition(&mut self, atom: Node) -> Option<Node> {
        if self.eat(b'?') {
            return Some(Node::Repeat(Box::new(atom), 0, 1));
        }
        if !self.eat(b'{') {
            return Some(atom);
        }
        let min = self.number()?;
        let max = if self.eat(b',') { self.number()? } else { min };
        (self.eat(b'}') && min <= max).then(|| Node::Repeat(Box::new(atom), min, max))
    }
}

/// A nondeterministic automaton: each state has ε-moves and at most one move on a digit set.
#[derive(Default)]
struct Nfa {
    epsilon: Vec<Vec<u32>>,
    step: Vec<Option<(u16, u32)>>,
}

impl Nfa {
    fn state(&mut self) -> Option<u32> {
        if self.step.len() >= MAX_STATES * 8 {
            return None;
        }
        self.epsilon.push(Vec::new());
        self.step.push(None);
        u32::try_from(self.step.len() - 1).ok()
    }

    fn link(&mut self, from: u32, to: u32) {
        if let Some(moves) = self.epsilon.get_mut(from as usize) {
            moves.push(to);
        }
    }

    /// Adds `node`'s states, entered from `from`; returns the state it ends in.
    fn build(&mut self, node: &Node, from: u32) -> Option<u32> {
        match node {
            Node::Set(set) => {
                let (at, to) = (self.state()?, self.state()?);
                self.link(from, at);
                self.step[at as usize] = Some((*set, to));
                Some(to)
            }
            Node::Concat(items) => items.iter().try_fold(from, |at, item| self.build(item, at)),
            Node::Alt(alternatives) => {
                let end = self.state()?;
                for alternative in alternatives {
                    let out = self.build(alternative, from)?;
                    self.link(out, end);
                }
                Some(end)
            }
            Node::Repeat(inner, min, max) => {
                let mut at = from;
                for _ in 0..*min {
                    at = self.build(inner, at)?;
                }
                if min == max {
                    return Some(at);
                }
                let end = self.state()?;
                for _ in *min..*max {
                    self.link(at, end);
                    at = self.build(inner, at)?;
                }
                self.link(at, end);
                Some(end)
            }
        }
    }

    /// The states reachable from `states` by ε-moves that matter: those with a move on a digit,
    /// and `accept`. Sorted, so that equal sets are one automaton state.
    fn closure(
        &self,
        states: impl IntoIterator<Item = u32>,
        accept: u32,
        seen: &mut [bool],
    ) -> Vec<u32> {
        let mut stack: Vec<u32> = states.into_iter().collect();
        let (mut visited, mut out) = (Vec::new(), Vec::new());
        while let Some(state) = stack.pop() {
            let index = state as usize;
            if seen[index] {
                continue;
            }
            seen[index] = true;
            visited.push(index);
            if self.step[index].is_some() || state == accept {
                out.push(state);
            }
            stack.extend_from_slice(&self.epsilon[index]);
        }
        for index in visited {
            seen[index] = false;
        }
        out.sort_unstable();
        out
    }
}

/// A compiled pattern that must match a whole national number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Dfa {
    /// Ten transitions per state (state 0 is the start), [`DEAD`] for none.
    table: Vec<u16>,
    /// Whether each state ends a match.
    accepting: Vec<bool>,
}

impl Dfa {
    /// Compiles `pattern`, or `None` when it is empty, outside the syntax this module reads, or
    /// too large.
    pub(super) fn new(pattern: &str) -> Option<Dfa> {
        let mut parser = Parser {
            bytes: pattern.as_bytes(),
            at: 0,
        };
        let node = parser.alternation(0)?;
        if pattern.is_empty() || parser.at != pattern.len() {
            return None;
        }
        let mut nfa = Nfa::default();
        let start = nfa.state()?;
        let accept = nfa.build(&node, start)?;
        Self::determinise(&nfa, start, accept)
    }

    /// The subset construction.
    fn determinise(nfa: &Nfa, start: u32, accept: u32) -> Option<Dfa> {
        let mut seen = vec![false; nfa.step.len()];
        let first = nfa.closure([start], accept, &mut seen);
        let mut ids = HashMap::from([(first.clone(), 0_u16)]);
        let mut sets = vec![first];
        let mut table = Vec::new();
        let mut accepting = Vec::new();
        let mut index = 0;
        while let Some(set) = sets.get_mut(index).map(std::mem::take) {
            accepting.push(set.binary_search(&accept).is_ok());
            let mut row = [DEAD; 10];
            for (digit, slot) in row.iter_mut().enumerate() {
                let targets = set.iter().filter_map(|&s| match nfa.step[s as usize] {
                    Some((mask, to)) if mask & (1 << digit) != 0 => Some(to),
                    _ => None,
                });
                let next = nfa.closure(targets, accept, &mut seen);
                if next.is_empty() {
                    continue;
                }
                *slot = if let Some(&id) = ids.get(&next) {
                    id
                } else {
                    let fresh = u16::try_from(sets.len()).ok().filter(|&n| n < DEAD)?;
                    ids.insert(next.clone(), fresh);
                    sets.push(next);
                    fresh
                };
            }
            table.extend_from_slice(&row);
            index += 1;
            if sets.len() > MAX_STATES {
                return None;
            }
        }
        Some(Dfa { table, accepting })
    }

    /// Whether `digits` (ASCII) is, as a whole, a match.
    pub(super) fn is_match(&self, digits: &str) -> bool {
        let mut state = 0_usize;
        for byte in digits.bytes() {
            let Some(digit) = byte.checked_sub(b'0').filter(|d| *d < 10) else {
                return false;
            };
            match self.table.get(state * 10 + usize::from(digit)) {
                Some(&next) if next != DEAD => state = usize::from(next),
                _ => return false,
            }
        }
        self.accepting.get(state).copied().unwrap_or(false)
    }

    /// The number of states, for tests.
    #[cfg(test)]
    pub(super) fn states(&self) -> usize {
        self.accepting.len()
    }
}

#[cfg(test)]
mod tests {
    use super::Dfa;

    fn matches(pattern: &str, digits: &str) -> bool {
        Dfa::new(pattern).is_some_and(|d| d.is_match(digits))
    }

    #[test]
    fn reads_the_syntax_of_the_metadata() {
        assert!(matches(r"[1-9]\d{8}", "142685300"));
        assert!(!matches(r"[1-9]\d{8}", "042685300"));
        assert!(!matches(r"[1-9]\d{8}", "14268530"));
        assert!(matches(r"(?:26[013-9]|59[1-35-9])\d{6}", "260123456"));
        assert!(!matches(r"(?:26[013-9]|59[1-35-9])\d{6}", "262123456"));
        assert!(matches(r"6\d{5,7}", "612345"));
        assert!(matches(r"6\d{5,7}", "61234567"));
        assert!(!matches(r"6\d{5,7}", "612345678"));
        assert!(matches(r"1(?:2\d)?3", "13"));
        assert!(matches(r"1(?:2\d)?3", "1253"));
        assert!(matches(r"[2-47\d]", "9"));
    }

    #[test]
    fn refuses_what_it_does_not_read() {
        for pattern in [
            "", "a", "(1)", "(?:1", "1)", "[]", "[1-", "\\w", "1{3", "1{3,2}", "1{99}", "1*", "1+",
        ] {
            assert!(Dfa::new(pattern).is_none(), "{pattern}");
        }
        let deep = format!("{}1{}", "(?:".repeat(40), ")".repeat(40));
        assert!(Dfa::new(&deep).is_none());
    }

    #[test]
    fn refuses_what_is_not_a_digit() {
        let dfa = Dfa::new(r"\d{3}").expect("compiles");
        assert!(dfa.is_match("123"));
        assert!(!dfa.is_match("12a"));
        assert!(!dfa.is_match("12 3"));
        assert!(!dfa.is_match("١٢٣"));
        assert!(dfa.states() <= 4);
    }
}
