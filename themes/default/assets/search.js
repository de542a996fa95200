/* Sunlight search client: no dependencies, no build step.
 *
 * It analyses queries exactly as bleve indexed the text (NFKC, UAX #29
 * words as github.com/blevesearch/segment finds them, cjk_width, to_lower,
 * cjk_bigram), reads the static index described in internal/search/doc.go,
 * and ranks exactly as `sunlight search` does.
 *
 * Page contract (see doc.go):
 *   <meta name="sunlight-search" content="{base}search/index.{hash}.json" data-base="{base}">
 *   <link rel="preload" href="{base}search/index.{hash}.json" as="fetch" crossorigin>
 *   <form data-sunlight-search action="{base}search/"><input name="q" type="search"></form>
 *   <div id="sunlight-results"></div>   (the search page only)
 * API: window.SunlightSearch.analyze(text) → tokens, .search(query) → Promise of results.
 */
(function () {
"use strict";

// BEGIN GENERATED (internal/search TestJSTables; UPDATE_GOLDEN=1 rewrites it)
var U_NS=23,
U_RUNS="K7O)4K*eT*7L*8L*:*;eO/*zLeWdL*=eWpLc))EN2LzLyU=CY=49OcL6PCLqMhQ)=)HRlcKpL=1KyKpLdMpL=)=aT=j{=2qK?AMCDK=j$bK)AMG$[)CM0)?)?1K?1K?)jNAWELyK@)EO3MhM1KdKsO?)yKb(FT5O;[)=dK=r5K=?4N?dMdK1K?cL9KfOoKbK)GQ=?=rYAWbKy0KCO)fQfO6!BN1KfK)=)zLnUcL?BN?yK?pLjS2WoKI>xTz)4!D-yK?jS?EQdK1K9K5O=kRoK=4NbK1KbKbU=qM=)yK2LdK=?qMdK1KdKyK)gN)eNdK1K9KfO1KGQoK=3McL1KbKbU=qM=1K=1K=1KdK)?pLeL1KdKoKAK)fO)zNhObKAK)EOoK=rN=oK=bU=qM=1K=pLdK=?4N?oK?oKbK)EQdK1K9K5OBN)CMoK=4NbK1KbKbU=qM=1K=pLdK=?qMdK1KdKoKgN1KAMAK1K9K5O=)kR=)=3MyKoK=2LyK1K=)=1KyK1KyKoKyK6PeLpLAKoK?2LbK)fM)fQ5OkR2L=4N=oK=yU=8RyK?qM?oK?2LCM1K=oKzLdK1K9K5OHRoK=4N=oK=yU=5O=pLdK=?qM?oK?2LCM1KAM)=dK1K9K5O=1KjQoK=4N=oK=H%bK?qM?oK?cL)gN)AMAK1K9K5OfO3MdK1K=9SyKcV=rN=)bKqMAK)eL3M?)?4NbM5OdK1Kk;)dKqMiP4N;5Ox})dK3M?1KEO3M9K5Ot$)1V1KbM5OEO)?)?)eLbK4N=i#eLaT?bKBLsO?i#DN)h6KaT;5OiP2LeLoK?oKdKqMAK2LFP6P?;hO2LbKj$=)zL)bKI&bKEK3FLe[=2LbKqM=)=2LbKH%=2LbKDZ=2LbKqM=)=2LbKuQ=6/=2LbKb>dKoKqZ8RiRH|bK3MyKE1QbKvR=dWzLf]yKsOAMtP=eLoKCOlSoKCOlS1KgPtP=oK?1KI<gZDN)9K5O6!2L;5OdMI}eNa&=)zLz?fOCY?6PeL6PdO5OrkK5Ot$1VpLi/5O?BXdK;5ObM5OnUuQm=zLd*FRqMaL5OHRrNiPyKrYDP9KfOy(7QgPu#aTcN5OyKwKfOi#8{oK?HTeL=eLyK1K?1KdMi8Lr-fMcL47MbK3MbKj$bK3MbK4N=)=)=)=CYbK4-=uQ=7QbK3McL8RbKoK=rNFP2LlN1KGP)dK3MFQ1KCK)FQ)EOpL?6Pe3KDZk=4NkT)c+5OIi:1*=1*=ImKdMeLyK1KgPj$=)zL)bKs.1V=yUBNqM=qM=qM=qM=qM=qM=qM=qM?gZb*)d`dW`m0Ky4M)`)8WDNlL1K|3McL1KkLH|dKkLIKn1K|2LzLH%mdKAWo-1*blO6ytKa]zGcOv&kaWl>n)bKm2MyKgRfO1KkTd*2L?5O=5ZbK7`1K6$rNbKt7KbKE!bK4Nj<EO=AK=eL=1VpLmVq,iPbKB+vRAO5OfMjS3MyK)=)9KfOqX4NbK1VtPmPBXAKcLd*7QhQ;5OEO)dO5OdMa&7QBNAK=gN1K9K5O6!oKB+)?oKdK1KBL1K?)pYEOpLbKAK1KfO3MbK3MbK3MBNqM=qM=I&zL3MfO2eK4N?1K9K5OjM6EALmPyUiL2+e39L34Ka0LzVv4RdWfMF#x)1KApK)oBLoKcL6P=dW=wS=1K=uQbK7Qr!DhKm?4-zoK)ulKBXyK2+GQ)3ZgZiRAWzLv$pLzLfYbKi#cL4N=pLv&yzK9K5O8}k%eNq,HyKHnMBNbUfO4NFwK3MbK)=m(=1KyK)bKyUfOyUBNCYk=wS=1KfObUfOdW0@s.dM1KG<?oK?1KBLcL2L=oK=AWeLoKeL)qZBXyKBX5#4N=qX1K0Wr-fObUfOwSDP9SkbKe[f.3,DP3,kDRyKg-uQ1Z5OGQcLc)sOdK)jSzVyM5OfMyKu#7Q;5OiR7#)bK)DNyKA*hQ2LBLoKwKfO)=)5#9S=2W6P1[qM=)=2L=uQ=5OAMd*6PxL5OfM2L=4NbK1KbKbU=qM=1K=pLdK=?qMdK1KdKoKbK)fM)zLBL1KdKqMAKpLv1MA*kT1K=)cN5O3EKd*qMdKrNIUeL1Kr!A*vRyK)AO5Ot$b(tPcN5Ov{uQaL5O93NE<5OHT)94O6/1sXblTg7KxbKFR8aLy9;i7VwI0KIrPt28LBkPAMCY;5Og7KfYdKpLCOA*qMBN2LeP5OBNxTzLwS00Tc?CO?n)kRcLtPp87N`)fD>v9KzLtPyKrNAM5OAK1K?2LAffKpLAKbUdKqMrY2LFuKoKyl(5.eLp+gN)jQ)nUpL?uQ4w]vaLEOqMBs*BXyKdWn2KBXvu_35zTg&r52K1PlnLjK1kkK7n65N)rY34KvkKuwL",
U_DFA="232433335367322892:;<;=00000000000000000000000000000000000300000030000020000000000000000000000000>>>506?50>86>0500000000@0@A@6B6@086@0600000000000506770086007C000000DE0@A@6B8@086@0800000000@0@A@6B9@089@090;0000000000000:000000:000000000000000;000;00;0;000000000000B<000000<<00000000000000=000000=00=000000005000>000000>00000000000506??008600?C00000000000060@006600@00000000FFFA06BA0F86F0A00000000000A06BB008600BC0000000000000BC000000CC00000000000000D00E000D00000000000A06BE008600E00000000000A000F000000F000",
U_ACC="0111233335351020333030";
// END GENERATED

// ---- Analysis: bleve's unicode tokenizer, cjk_width, to_lower ----

var RS = [], RY = []; // first code point and symbol of each run
(function () {
  var L = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI", H = "JKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}";
  for (var i = 0, cp = 0, v = 0, m = 1, d; i < U_RUNS.length; i++) {
    d = L.indexOf(U_RUNS.charAt(i));
    if (d >= 0) { v += d * m; m *= 45; continue; }
    v += H.indexOf(U_RUNS.charAt(i)) * m;
    cp += Math.floor(v / U_NS);
    RS.push(cp); RY.push(v % U_NS);
    v = 0; m = 1;
  }
})();

function sym(cp) {
  var lo = 0, hi = RS.length - 1, mid;
  while (lo < hi) { mid = (lo + hi + 1) >> 1; if (RS[mid] <= cp) lo = mid; else hi = mid - 1; }
  return RY[lo];
}

function u8len(c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

function cps(s) {
  var out = [], i, c, d;
  for (i = 0; i < s.length; i++) {
    c = s.charCodeAt(i);
    if (c >= 0xD800 && c < 0xDC00 && (d = s.charCodeAt(i + 1)) >= 0xDC00 && d < 0xE000) {
      out.push((c - 0xD800) * 0x400 + d - 0xDC00 + 0x10000); i++;
    } else out.push(c >= 0xD800 && c < 0xE000 ? 0xFFFD : c);
  }
  return out;
}

// Terms are UTF-8 byte strings (one char per byte): bleve's to_lower
// works on bytes in place and can leave invalid UTF-8, and keys are bytes.
function enc(c) {
  return c < 0x80 ? String.fromCharCode(c) :
    c < 0x800 ? String.fromCharCode(0xC0 | c >> 6, 0x80 | c & 63) :
    c < 0x10000 ? String.fromCharCode(0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63) :
    String.fromCharCode(0xF0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
}

function dec(b, i) {
  var c = b.charCodeAt(i), n = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0, cp, k, d;
  if (n === 1) return [c, 1];
  if (!n || i + n > b.length) return [0xFFFD, 1];
  for (cp = c & (0xFF >> (n + 1)), k = 1; k < n; k++) {
    d = b.charCodeAt(i + k);
    if ((d & 0xC0) !== 0x80) return [0xFFFD, 1];
    cp = cp * 64 + (d & 63);
  }
  return cp < [0, 0, 0x80, 0x800, 0x10000][n] || (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF ? [0xFFFD, 1] : [cp, n];
}

function text(b) {
  for (var s = "", i = 0, r; i < b.length; i += r[1]) { r = dec(b, i); s += String.fromCodePoint(r[0]); }
  return s;
}

function toLower(r) {
  if (r === 0x130) return 0x69;
  if (r < 0x41) return r;
  var s = String.fromCodePoint(r).toLowerCase(), c = s.codePointAt(0);
  return s.length === (c > 0xFFFF ? 2 : 1) ? c : r;
}

// lower is bleve's to_lower: a narrower lower case is written in place
// without moving the bytes after it, a wider one hands the rest to
// bytes.ToLower, a final Σ becomes ς.
function lower(b) {
  var s = b.split(""), i = 0, j = 0, n = b.length, d, l, e, k, rest;
  while (i < n) {
    d = dec(b, i); l = toLower(d[0]);
    if (l === d[0]) { i += d[1]; j += d[1]; continue; }
    if (l === 0x3C3 && i + 2 === n) l = 0x3C2;
    e = enc(l);
    if (e.length > d[1]) {
      for (rest = "", k = i; k < n; k += d[1]) { d = dec(b, k); rest += enc(toLower(d[0])); }
      return s.slice(0, j).join("") + rest;
    }
    for (k = 0; k < e.length; k++) s[j + k] = e.charAt(k);
    i += d[1]; j += e.length;
  }
  return s.slice(0, j).join("");
}

function tokens(nt) {
  var c = cps(nt), n = c.length, off = [0], out = [], i, j, st, best, type, a, t;
  for (i = 0; i < n; i++) off.push(off[i] + u8len(c[i]));
  for (i = 0; i < n; i += best) {
    for (st = 0, best = 0, type = -1, j = i; j < n; j++) { // longest match of the scanner
      st = U_DFA.charCodeAt(st * U_NS + sym(c[j])) - 49;
      if (st < 0) break;
      if ((a = U_ACC.charCodeAt(st) - 49) >= 0) { best = j + 1 - i; type = a; }
    }
    if (!best) best = 1; // cannot happen: some rule always matches
    if (type > 0) {
      for (t = "", j = i; j < i + best; j++) t += enc(c[j]);
      out.push({ b: lower(t), start: off[i], end: off[i + best], type: type });
    }
  }
  return out;
}

function units(nt) {
  var toks = tokens(nt), out = [], i, k, t, d;
  for (i = 0; i < toks.length; i++) {
    t = toks[i];
    if (t.type !== 4) { out.push({ term: t.b, ideo: false, start: t.start, end: t.end, type: t.type }); continue; }
    for (k = 0; k < t.b.length; k += d[1]) {
      d = dec(t.b, k);
      out.push({ term: t.b.substr(k, d[1]), ideo: true, start: t.start + k, end: t.start + k + d[1] });
    }
  }
  return out;
}

function analyze(s) {
  var us = units(s.normalize("NFKC")), rv = [], pos = 1, prev, cur = null, items = 0, i, u;
  function tok(term, start, end, type) { rv.push({ term: text(term), position: pos++, start: start, end: end, type: type }); }
  function flush() { if (items === 1) tok(cur.term, cur.start, cur.end, "single"); items = 0; }
  for (i = 0; i < us.length; i++) {
    u = us[i];
    if (!u.ideo) { flush(); tok(u.term, u.start, u.end, u.type === 1 ? "num" : "alnum"); continue; }
    if (items > 0 && u.start !== cur.end) flush();
    prev = cur; cur = u;
    if (items < 2) items++;
    if (items === 2) tok(prev.term + cur.term, prev.start, cur.end, "double");
  }
  flush();
  return rv;
}

// ---- Queries ----

function aligned(us, i) { return i + 1 < us.length && us[i].ideo && us[i + 1].ideo && us[i + 1].start === us[i].end; }

var SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;

function parseQuery(q) {
  var parts = [], fs = q.normalize("NFKC").split(SPACE), f, us, p, i, j, k;
  function add(key) { if (p.terms.indexOf(key) < 0) p.terms.push(key); }
  for (f = 0; f < fs.length; f++) {
    us = units(fs[f]);
    if (!us.length) continue;
    p = { units: us, terms: [], words: [] };
    for (i = 0; i < us.length; i = j) {
      j = i + 1;
      if (!us[i].ideo) { add("m" + us[i].term); p.words.push("m" + us[i].term); continue; }
      while (j < us.length && aligned(us, j - 1)) j++;
      if (j - i === 1) add("u" + us[i].term);
      else if (j - i === 2) add("m" + us[i].term + us[i + 1].term);
      else for (k = i; ; k += 3) {
        k = Math.min(k, j - 3);
        add("t" + us[k].term + us[k + 1].term + us[k + 2].term);
        if (k + 3 >= j) break;
      }
    }
    parts.push(p);
  }
  return parts;
}

function single(p) {
  var n = p.units.length;
  return n === 1 || (n === 2 && aligned(p.units, 0)) || (n === 3 && aligned(p.units, 0) && aligned(p.units, 1));
}

function matchAt(p, fu, j) {
  var pu = p.units, k;
  if (j + pu.length > fu.length) return false;
  for (k = 0; k < pu.length; k++) {
    if (fu[j + k].term !== pu[k].term || fu[j + k].ideo !== pu[k].ideo) return false;
    if (k + 1 < pu.length && pu[k].ideo && pu[k + 1].ideo && aligned(pu, k) !== aligned(fu, j + k)) return false;
  }
  return true;
}

function find(p, fu) {
  for (var j = 0; j + p.units.length <= fu.length; j++) if (matchAt(p, fu, j)) return j;
  return -1;
}

function fallbackTerms(parts) {
  var out = [], i, j, u;
  for (var pass = 0; pass < 2; pass++) {
    for (i = 0; i < parts.length; i++) {
      for (u = parts[i].units, j = 0; j < u.length; j++) {
        var k = pass ? (u[j].ideo ? "u" + u[j].term : null) : aligned(u, j) ? "m" + u[j].term + u[j + 1].term : null;
        if (k !== null && out.indexOf(k) < 0) out.push(k);
      }
    }
  }
  return out;
}

// ---- Index files ----

function fnv1a(b) {
  for (var h = 2166136261, i = 0; i < b.length; i++) h = Math.imul((h ^ b.charCodeAt(i)) >>> 0, 16777619) >>> 0;
  return h;
}

function hex8(n) { return ("0000000" + n.toString(16)).slice(-8); }

function Reader(b) { this.b = b; this.o = 0; }
Reader.prototype.v = function () {
  var x = 0, m = 1, c;
  do {
    if (this.o >= this.b.length) throw new Error("search: corrupt index");
    c = this.b[this.o++]; x += (c & 127) * m; m *= 128;
  } while (c & 128);
  return x;
};
Reader.prototype.ref = function () {
  var p = this.v(), b = this.b, o = this.o;
  this.o += 4;
  return { pack: p, hash: (b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24) >>> 0, off: this.v(), n: this.v() };
};
Reader.prototype.postings = function (n, out) {
  for (var i = 0, t = 0, bi = 0, doc = 0, x; i < n; i++) {
    x = this.v();
    if (x === 0) { t = this.v(); bi = this.v(); doc = this.v(); } else doc += x;
    out.push({ doc: doc, title: t, bi: bi, combo: this.v() });
  }
  return out;
};

function parseShard(b, e) {
  var r = new Reader(b), m = {}, n, kl, key, de, i, c, d;
  for (n = r.v(); n > 0; n--) {
    kl = r.v(); key = String.fromCharCode.apply(null, b.subarray(r.o, r.o + kl)); r.o += kl;
    de = { key: key, df: r.v(), titlesKnown: true, titles: {} };
    de.tier0 = r.postings(de.df > e.members ? e.topK : de.df, []);
    for (i = 0; i < de.tier0.length; i++) if (de.tier0[i].title) de.titles[de.tier0[i].doc] = 1;
    if (de.df > e.members) {
      c = r.v();
      de.titlesKnown = c > 0;
      for (d = 0; c > 1; c--) { d += r.v(); de.titles[d] = 1; }
      de.overflow = r.ref(); de.facets = r.ref();
    } else {
      de.docs = {}; // document → 1 if in title
      for (i = 0; i < de.tier0.length; i++) de.docs[de.tier0[i].doc] = de.tier0[i].title ? 1 : 0;
    }
    m[key] = de;
  }
  return m;
}

function Pending() {}
function Need() { this.urls = {}; this.n = 0; }
Need.prototype.add = function (kind, name) { if (!(name in this.urls)) { this.urls[name] = kind; this.n++; } };

function Engine(entryURL) {
  this.dir = entryURL.slice(0, entryURL.lastIndexOf("/") + 1);
  this.entryURL = entryURL;
  this.files = {};
  this.pending = {};
  this.stats = { requests: 0, bytes: 0, rounds: 0, ms: 0 };
}

var EP = Engine.prototype;

EP.init = function () {
  var self = this;
  return this.ready || (this.ready = fetch(this.entryURL).then(function (r) {
    if (!r.ok) throw new Error("search: entry: HTTP " + r.status);
    return r.json();
  }).then(function (e) {
    if (e.format !== "sunlight-search/1") throw new Error("search: unknown format " + e.format);
    self.entry = e;
  }, function (err) { self.ready = null; throw err; }));
};

EP.fetchFile = function (name, kind) {
  var self = this;
  return this.pending[name] || (this.pending[name] = fetch(this.dir + name).then(function (r) {
    if (!r.ok) throw new Error("search: " + name + ": HTTP " + r.status);
    self.stats.requests++;
    return kind === "json" ? r.text().then(function (t) { self.stats.bytes += t.length; return JSON.parse(t); }) :
      r.arrayBuffer().then(function (b) { self.stats.bytes += b.byteLength; return new Uint8Array(b); });
  }).then(function (v) {
    self.files[name] = kind === "shard" ? parseShard(v, self.entry) : v;
  }, function (err) { delete self.pending[name]; throw err; }));
};

EP.load = function (need) {
  var ps = [];
  for (var name in need.urls) ps.push(this.fetchFile(name, need.urls[name]));
  this.stats.rounds++;
  return Promise.all(ps);
};


EP.meta = function (need) {
  var m = this.files[this.entry.meta], i;
  if (!m) { need.add("json", this.entry.meta); return null; }
  if (!m.dims) {
    m.dims = [[], m.types, m.categories, m.levels, []]; m.base = []; m.nvals = 0;
    for (i = 0; i < m.units.length; i++) m.dims[0].push(m.units[i][1]);
    for (i = 0; i < m.years.length; i++) m.dims[4].push(String(m.years[i]));
    for (i = 0; i < 5; i++) { m.base.push(m.nvals); m.nvals += m.dims[i].length; }
  }
  return m;
};

EP.lookup = function (key, need) {
  var e = this.entry, sh = fnv1a(key) % e.shards;
  var name = "t/" + sh + "." + e.shardHashes[Math.floor(sh / e.shardGroup)] + ".bin", m = this.files[name];
  if (!m) { need.add("shard", name); return undefined; }
  return m[key] || null;
};

EP.blob = function (kind, ref, need) {
  var name = kind + "/" + ref.pack + "." + hex8(ref.hash) + ".bin", b = this.files[name];
  if (!b) { need.add("bin", name); return null; }
  return b.subarray(ref.off, ref.off + ref.n);
};

EP.postings = function (de, need, want) {
  if (de.df <= this.entry.members) return { list: de.tier0, complete: true };
  if (!de.all) {
    var b = this.files["o/" + de.overflow.pack + "." + hex8(de.overflow.hash) + ".bin"];
    if (!b) {
      if (want) this.blob("o", de.overflow, need);
      return { list: de.tier0, complete: false };
    }
    de.all = new Reader(b.subarray(de.overflow.off, de.overflow.off + de.overflow.n)).postings(de.df - de.tier0.length, de.tier0.slice());
  }
  return { list: de.all, complete: true };
};

EP.record = function (doc, need) {
  var e = this.entry, c = Math.floor(doc / e.chunkDocs);
  var name = "r/" + c + "." + e.chunkHashes[Math.floor(c / e.chunkGroup)] + ".json", recs = this.files[name], r;
  if (!recs) { need.add("json", name); return null; }
  r = recs[doc - c * e.chunkDocs];
  return r.rec || (r.rec = { id: r[0], url: r[1] || r[0], title: r[2], body: r[3], hasFine: r.length > 5, fineMin: r[4] || 0, fineMax: r[5] || 0 });
};

// ---- The algorithm (doc.go; mirrors searcher.go) ----

var PAGE = 10;

function compileFilter(q, m, docs) {
  var f = { unit: [0, docs], v: [-1, -1, -1, -1], fine: false, any: false, impossible: false }, i;
  var vals = [[m.types, q.type], [m.categories, q.category], [m.levels, q.level], [m.dims[4], q.year ? String(q.year) : ""]];
  for (i = 0; i < 4; i++) {
    if (!vals[i][1]) continue;
    f.any = true;
    if ((f.v[i] = vals[i][0].indexOf(vals[i][1])) < 0) f.impossible = true;
  }
  if (q.unit) {
    f.any = true;
    for (i = 0; i < m.units.length && m.units[i][0] !== q.unit; i++);
    if (i < m.units.length) f.unit = [m.units[i][2], m.units[i][3]]; else f.impossible = true;
  }
  if (q.fineMin > 0 || q.fineMax > 0) { f.any = f.fine = true; f.fineMin = q.fineMin || 0; f.fineMax = q.fineMax || 0; }
  return f;
}

function pass(f, doc, combo, m) {
  if (doc < f.unit[0] || doc >= f.unit[1] || combo >= m.combos.length) return false;
  for (var c = m.combos[combo], i = 0; i < 4; i++) if (f.v[i] >= 0 && c[i] !== f.v[i]) return false;
  return !f.fine || c[4] === 1;
}

function passFine(f, r) {
  return !f.fine || (r.hasFine && (f.fineMin <= 0 || r.fineMax >= f.fineMin) && (f.fineMax <= 0 || r.fineMin <= f.fineMax));
}

function before(a, b) { return a.bi > b.bi || (a.bi === b.bi && a.doc < b.doc); }

// rankPage returns hits [lo, need) of the candidates (in posting order).
// check(p) gives {ok, inTitle}, or null when p's record is missing; then
// miss(docs) is told which records to fetch and rankPage throws Pending.
// cands.at(i) may throw Pending too (postings beyond the first tier).
function rankPage(cands, lo, need, check, notTitle, miss, batch) {
  var titled = [], demoted = [], out, i = 0, k = 0, c, r, d, next = null, phaseA = true;
  function missing(p) { // ask for p and what will probably be checked next
    var docs = [p], want = need - (phaseA ? titled.length : out.length) + batch, j, q;
    for (j = i; j < cands.loaded && docs.length < want; j++) if ((q = cands.at(j)).title === 0 || !notTitle(q)) docs.push(q);
    if (!phaseA) for (j = k; j < demoted.length && docs.length < 2 * want; j++) if (!demoted[j].ok) docs.push(demoted[j].p);
    miss(docs);
    throw new Pending();
  }
  for (; i < cands.length && (c = cands.at(i)).title > 0 && titled.length < need; i++) {
    if (notTitle(c)) { demoted.push({ p: c, ok: false }); continue; }
    if (!(r = check(c))) { i++; missing(c); }
    if (r.ok) (r.inTitle ? titled : demoted).push({ p: c, ok: true, inTitle: r.inTitle });
  }
  out = titled.slice();
  phaseA = false;
  function advance() {
    for (next = null; i < cands.length && !next;) {
      c = cands.at(i++);
      if (!(r = check(c))) missing(c);
      if (r.ok) next = { p: c, inTitle: false };
    }
  }
  if (out.length < need) {
    demoted.sort(function (a, b) { return b.p.bi - a.p.bi || a.p.doc - b.p.doc; });
    advance();
    while (out.length < need) {
      if (k < demoted.length && (!next || before(demoted[k].p, next.p))) {
        d = demoted[k++];
        if (!d.ok) {
          if (!(r = check(d.p))) { k--; missing(d.p); }
          if (!r.ok) continue;
        }
        out.push({ p: d.p, inTitle: false });
      } else if (next) { out.push(next); advance(); } else break;
    }
  }
  return out.slice(lo, need);
}

EP.valuesOf = function (doc, combo, m) {
  var us = m.units, lo = 0, hi = us.length, mid, c = m.combos[combo];
  while (lo < hi) { mid = (lo + hi) >> 1; if (us[mid][3] < doc + 1) lo = mid + 1; else hi = mid; }
  return [lo, c[0], c[1], c[2], c[3]];
};

var DIMS = ["unit", "type", "category", "level", "year"];

function facetList(counts, m) {
  for (var out = [], d = 0, v, c, fc; d < 5; d++) {
    out.push(fc = { name: DIMS[d], values: [] });
    for (v = 0; v < m.dims[d].length; v++) {
      if ((c = counts[m.base[d] + v])) fc.values.push({ value: d ? m.dims[d][v] : m.units[v][0], label: m.dims[d][v], count: c });
    }
  }
  return out;
}

EP.facets = function (cands, m, blob) {
  var counts = [], i, d, v, r, n;
  for (i = 0; i < m.nvals; i++) counts.push(0);
  if (blob) {
    for (r = new Reader(blob), i = 0, n = r.v(); n > 0; n--) { i += r.v(); v = r.v(); if (i < m.nvals) counts[i] = v; }
  } else {
    for (i = 0; i < cands.length; i++) {
      v = this.valuesOf(cands[i].doc, cands[i].combo, m);
      for (d = 0; d < 5; d++) if (v[d] >= 0) counts[m.base[d] + v[d]]++;
    }
  }
  return facetList(counts, m);
};

EP.hits = function (list, parts, m, need) {
  var out = [], i, p, r, v, dm = m.dims, n = need.n;
  for (i = 0; i < list.length; i++) this.record(list[i].doc, need);
  if (need.n > n) return null;
  for (i = 0; i < list.length; i++) {
    p = list[i]; r = this.record(p.doc, need); v = this.valuesOf(p.doc, p.combo, m);
    out.push({ id: r.id, url: r.url, title: r.title, type: dm[1][v[1]] || "", unit: m.units[v[0]][0],
      unitName: dm[0][v[0]], category: dm[2][v[2]] || "", level: dm[3][v[3]] || "",
      year: v[4] >= 0 ? m.years[v[4]] : 0, hasFine: r.hasFine, fineMin: r.fineMin, fineMax: r.fineMax,
      inTitle: !!p.inTitle, titleHL: highlight(r.title, parts, -1), snippet: highlight(r.body, parts, 100) });
  }
  return out;
};

function result(page, total, exact, fallback, facets) {
  return { total: total, totalExact: exact, fallback: fallback, page: page, pages: Math.ceil(total / PAGE), hits: [], facets: facets };
}

// compute runs the algorithm on what is loaded: it returns the results,
// or null after recording in need what it misses.
EP.compute = function (q, need, batch) {
  var self = this, page = q.page > 0 ? q.page : 1, parts = parseQuery(q.text || ""), m = this.meta(need);
  var keys = [], entries = {}, missing = false, i, k, key, de;
  for (i = 0; i < parts.length; i++) {
    for (k = 0; k < parts[i].terms.length; k++) {
      key = parts[i].terms[k];
      if (key in entries) continue;
      keys.push(key);
      if ((entries[key] = this.lookup(key, need)) === null) missing = true;
    }
  }
  if (need.n) return null;
  var f = compileFilter(q, m, this.entry.docs), empty = result(page, 0, false, false, this.facets([], m));
  if (f.impossible || (!parts.length && !f.any)) return empty;
  if (!parts.length) return this.browse(f, page, m, need, batch);
  if (missing) {
    for (i = 0; i < parts.length; i++) { // a code or number that occurs nowhere: no near misses
      for (k = 0; k < parts[i].words.length; k++) if (entries[parts[i].words[k]] === null) return empty;
    }
    return this.fallback(f, parts, page, m, need);
  }
  var driver = null, others = [], small = [], big = false, M = this.entry.members;
  for (i = 0; i < keys.length; i++) {
    de = entries[keys[i]];
    if (!driver || de.df < driver.df || (de.df === driver.df && de.key < driver.key)) driver = de;
  }
  for (i = 0; i < keys.length; i++) {
    if ((de = entries[keys[i]]) === driver) continue;
    others.push(de);
    if (de.df > M) big = true; else small.push(de.docs);
  }
  var confirm = f.fine || big;
  for (i = 0; i < parts.length; i++) confirm = confirm || !single(parts[i]);
  var post = this.postings(driver, need, f.any), cands = [], res;
  if (need.n) return null;
  for (i = 0; i < post.list.length; i++) {
    var p = post.list[i];
    if (!pass(f, p.doc, p.combo, m)) continue;
    for (k = 0; k < small.length && p.doc in small[k]; k++);
    if (k === small.length) cands.push(p);
  }
  res = result(page, post.complete ? cands.length : driver.df, !confirm, false, null);
  if (driver.df > M && !f.any) {
    var vb = this.blob("f", driver.facets, need);
    if (vb) res.facets = this.facets(null, m, vb);
  } else res.facets = this.facets(cands, m);
  var seq = {
    length: res.total, loaded: cands.length,
    at: function (i) {
      if (i < cands.length) return cands[i];
      self.postings(driver, need, true);
      throw new Pending();
    }
  };
  function check(p) {
    var r, t, j, tu, bu;
    if (!confirm) {
      for (t = p.title > 0, j = 0; j < small.length; j++) t = t && small[j][p.doc] > 0;
      return { ok: true, inTitle: t };
    }
    if (!(r = self.record(p.doc, need))) return null;
    if (!passFine(f, r)) return { ok: false };
    tu = units(r.title.normalize("NFKC")); bu = units(r.body.normalize("NFKC"));
    for (t = true, j = 0; j < parts.length; j++) {
      var inT = find(parts[j], tu) >= 0;
      if (!inT && find(parts[j], bu) < 0) return { ok: false };
      t = t && inT;
    }
    return { ok: true, inTitle: t };
  }
  function notTitle(p) {
    for (var j = 0; j < others.length; j++) if (others[j].titlesKnown && !others[j].titles[p.doc]) return true;
    return false;
  }
  function miss(docs) { for (var j = 0; j < docs.length; j++) self.record(docs[j].doc, need); }
  var ranked;
  try {
    ranked = rankPage(seq, (page - 1) * PAGE, page * PAGE, check, notTitle, miss, batch);
    if (!ranked.length && (page === 1 || !res.total || !rankPage(seq, 0, PAGE, check, notTitle, miss, batch).length)) ranked = null;
  } catch (err) {
    if (err instanceof Pending) return null;
    throw err;
  }
  if (!ranked) return need.n ? null : this.fallback(f, parts, page, m, need);
  for (i = 0; i < ranked.length; i++) ranked[i] = { doc: ranked[i].p.doc, combo: ranked[i].p.combo, inTitle: ranked[i].inTitle };
  res.hits = this.hits(ranked, parts, m, need);
  return need.n ? null : res;
};

EP.browse = function (f, page, m, need, batch) {
  var b = this.files[this.entry.browse], r, cands = [], out = [], doc = 0, n, k, cnt, combo, i, j, rec, res;
  if (!b) { need.add("bin", this.entry.browse); return null; }
  for (r = new Reader(b), n = r.v(); n > 0; n--) {
    for (cnt = r.v(), combo = r.v(), k = 0; k < cnt; k++, doc++) if (pass(f, doc, combo, m)) cands.push({ doc: doc, combo: combo });
  }
  res = result(page, cands.length, !f.fine, false, this.facets(cands, m));
  for (i = 0; i < cands.length && out.length < page * PAGE; i++) {
    if (f.fine) {
      if (!(rec = this.record(cands[i].doc, need))) {
        for (j = i + 1; j < Math.min(cands.length, i + batch); j++) this.record(cands[j].doc, need);
        return null;
      }
      if (!passFine(f, rec)) continue;
    }
    out.push(cands[i]);
  }
  res.hits = this.hits(out.slice((page - 1) * PAGE), [], m, need);
  return need.n ? null : res;
};

EP.fallback = function (f, parts, page, m, need) {
  var terms = fallbackTerms(parts), des = [], acc = {}, all = [], hl = [], i, k, de, w, p, a, res;
  if (f.fine) return result(page, 0, false, false, this.facets([], m));
  for (i = 0; i < terms.length; i++) des.push(this.lookup(terms[i], need));
  if (need.n) return null;
  for (i = 0; i < terms.length; i++) {
    if (!(de = des[i])) continue;
    w = (1 + Math.clz32(de.df) - Math.clz32(this.entry.docs)) * (terms[i].charAt(0) === "m" ? 2 : 1);
    for (k = 0; k < de.tier0.length; k++) {
      p = de.tier0[k];
      if (!pass(f, p.doc, p.combo, m)) continue;
      if (!(a = acc[p.doc])) all.push(a = acc[p.doc] = { doc: p.doc, combo: p.combo, score: 0, titles: 0 });
      a.score += w;
      if (p.title) a.titles++;
    }
  }
  all.sort(function (a, b) { return b.score - a.score || b.titles - a.titles || a.doc - b.doc; });
  res = result(page, all.length, true, all.length > 0, this.facets(all, m));
  for (i = 0; i < terms.length; i++) hl = hl.concat(parseQuery(text(terms[i].slice(1))));
  res.hits = this.hits(all.slice((page - 1) * PAGE, page * PAGE), hl, m, need);
  return need.n ? null : res;
};

EP.search = function (q) {
  var self = this, batch = 2, t0 = performance.now();
  function step() {
    var need = new Need(), res = self.compute(q, need, batch), u;
    if (res) { self.stats.ms = performance.now() - t0; return res; }
    if (!need.n) throw new Error("search: no progress");
    for (u in need.urls) if (u.charAt(0) === "r") { batch = batch * 2 + 4; break; }
    return self.load(need).then(step);
  }
  return this.init().then(step);
};

var MARK = /\p{M}/u;
function highlight(s, parts, limit) {
  var c = cps(s), nt = "", back = [], oo = [0], ranges = [], out = [], i, j, k, b, piece, us, best, r, lo = 0, hi = s.length, pos;
  for (k = 0; k < c.length; k++) oo.push(oo[k] + (c[k] > 0xFFFF ? 2 : 1));
  for (i = 0; i < c.length; i = j) { // normalise piecewise: a character with its marks
    for (j = i + 1; j < c.length && MARK.test(String.fromCodePoint(c[j])); j++);
    piece = String.fromCodePoint.apply(null, c.slice(i, j)).normalize("NFKC");
    for (b = cps(piece), k = 0; k < b.length; k++) for (r = u8len(b[k]); r > 0; r--) back.push(oo[i]);
    nt += piece;
  }
  back.push(s.length);
  function origEnd(nb) {
    for (var x = back[nb - 1], m = nb; m < back.length; m++) if (back[m] !== x) return back[m];
    return s.length;
  }
  if (parts.length) {
    for (us = units(nt), j = 0; j < us.length; j += best || 1) {
      for (best = 0, k = 0; k < parts.length; k++) if (parts[k].units.length > best && matchAt(parts[k], us, j)) best = parts[k].units.length;
      if (best) ranges.push([back[us[j].start], origEnd(us[j + best - 1].end)]);
    }
  }
  function step(x, d) { var h = s.charCodeAt(x + (d < 0 ? -1 : 0)); return x + d * ((d < 0 ? h >= 0xDC00 && h < 0xE000 : h >= 0xD800 && h < 0xDC00) ? 2 : 1); }
  if (limit > 0) {
    if (ranges.length) for (lo = ranges[0][0], k = 0; k < 20 && lo > 0; k++) lo = step(lo, -1);
    for (hi = lo, k = 0; k < limit && hi < s.length; k++) hi = step(hi, 1);
    for (k = 0; k < ranges.length; k++) if (ranges[k][0] < hi && ranges[k][1] > hi) hi = ranges[k][1];
  }
  function add(t, mt) { if (t) out.push({ text: t, match: mt }); }
  if (lo > 0) add("…", false);
  for (pos = lo, k = 0; k < ranges.length; k++) {
    r = ranges[k];
    if (r[1] <= lo || r[0] >= hi) continue;
    add(s.slice(pos, Math.max(pos, r[0])), false);
    add(s.slice(Math.max(pos, r[0]), r[1]), true);
    pos = r[1];
  }
  add(s.slice(pos, hi), false);
  if (hi < s.length) add("…", false);
  return out;
}

// ---- The search page ----

var PARAMS = ["q", "unit", "type", "category", "level", "year", "fmin", "fmax", "page"];
var LABELS = { unit: "单位", type: "类型", category: "类别", level: "风险等级", year: "年度" };

function el(tag, cls, txt) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (txt !== undefined) e.textContent = txt;
  return e;
}

function fragments(parent, frs) {
  for (var i = 0; i < frs.length; i++) parent.appendChild(frs[i].match ? el("mark", "", frs[i].text) : document.createTextNode(frs[i].text));
}

function state() {
  var u = new URLSearchParams(location.search), s = {};
  for (var i = 0; i < PARAMS.length; i++) s[PARAMS[i]] = u.get(PARAMS[i]) || "";
  return s;
}

function href(s, change) {
  var u = new URLSearchParams(), k, v, i, qs;
  for (i = 0; i < PARAMS.length; i++) {
    k = PARAMS[i]; v = k in change ? change[k] : s[k];
    if (v) u.set(k, v);
  }
  qs = u.toString();
  return location.pathname + (qs ? "?" + qs : "");
}

function UI(engine, base, root) { this.engine = engine; this.base = base; this.root = root; this.seq = 0; }

UI.prototype.go = function (to) { history.pushState(null, "", to); this.run(); };

UI.prototype.run = function () {
  var self = this, s = state(), seq = ++this.seq, i, inputs = document.querySelectorAll("form[data-sunlight-search] input[name=q]");
  for (i = 0; i < inputs.length; i++) inputs[i].value = s.q;
  for (i = 1; i < PARAMS.length - 1 && !s[PARAMS[i]]; i++);
  if (!s.q && i === PARAMS.length - 1) return;
  this.root.setAttribute("aria-busy", "true");
  this.engine.search({ text: s.q, unit: s.unit, type: s.type, category: s.category, level: s.level,
    year: parseInt(s.year, 10) || 0, fineMin: parseFloat(s.fmin) || 0, fineMax: parseFloat(s.fmax) || 0,
    page: parseInt(s.page, 10) || 1 }).then(function (res) {
    if (seq === self.seq) self.render(s, res);
  }, function (err) {
    if (seq !== self.seq) return;
    self.root.textContent = "";
    self.root.removeAttribute("aria-busy");
    self.root.appendChild(el("p", "sl-error", "搜索暂时不可用（" + err.message + "）。"));
  });
};

UI.prototype.link = function (txt, to, cls) {
  var self = this, a = el("a", cls, txt);
  a.href = to;
  a.addEventListener("click", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return;
    ev.preventDefault();
    self.go(to);
  });
  return a;
};

UI.prototype.render = function (s, res) {
  var root = this.root, i, j, fc, key, box, ul, li, v, ch, h, item, a, p, nav;
  root.textContent = "";
  root.removeAttribute("aria-busy");
  root.appendChild(el("p", res.fallback ? "sl-summary sl-fallback" : "sl-summary",
    res.fallback ? "没有找到与“" + s.q + "”完全匹配的结果。以下是最接近的 " + res.total + " 条结果：" :
    !res.total ? (s.q ? "没有找到与“" + s.q + "”匹配的结果。" : "没有符合条件的结果。") :
    (res.totalExact ? "共 " : "最多 ") + res.total + " 条结果"));
  var aside = root.appendChild(el("div", "sl-facets"));
  for (i = 0; i < res.facets.length; i++) {
    fc = res.facets[i]; key = fc.name;
    if (!fc.values.length && !s[key]) continue;
    box = aside.appendChild(el("div", "sl-facet"));
    box.appendChild(el("h2", "", LABELS[key]));
    ul = box.appendChild(el("ul"));
    if (s[key]) {
      ch = { page: "" }; ch[key] = "";
      ul.appendChild(el("li")).appendChild(this.link("全部（清除）", href(s, ch), "sl-clear"));
    }
    for (j = 0; j < fc.values.length; j++) {
      v = fc.values[j]; ch = { page: "" }; ch[key] = String(v.value);
      if (ch[key] === "" || !v.label) continue; // items without this property
      li = ul.appendChild(el("li"));
      a = li.appendChild(this.link(v.label, href(s, ch), ch[key] === s[key] ? "sl-selected" : ""));
      if (ch[key] === s[key]) a.setAttribute("aria-current", "true");
      li.appendChild(el("span", "sl-count", " " + v.count));
    }
  }
  var ol = root.appendChild(el("ol", "sl-hits"));
  ol.start = (res.page - 1) * PAGE + 1;
  for (i = 0; i < res.hits.length; i++) {
    h = res.hits[i];
    item = ol.appendChild(el("li", "sl-hit"));
    a = item.appendChild(el("a", "sl-title"));
    a.href = (this.base + h.url.replace(/^\//, "")).replace(/^(?=[a-z][a-z0-9+.-]*:)/i, "./"); // never a scheme from the index
    fragments(a, h.titleHL);
    item.appendChild(el("div", "sl-meta", [h.type, h.unitName, h.category, h.level && "风险等级：" + h.level, h.year && h.year + "年"].filter(Boolean).join(" · ")));
    fragments(p = item.appendChild(el("p", "sl-snippet")), h.snippet);
  }
  if (res.pages > 1) {
    nav = root.appendChild(el("nav", "sl-pages"));
    nav.setAttribute("aria-label", "分页");
    if (res.page > 1) nav.appendChild(this.link("上一页", href(s, { page: String(res.page - 1) }), "sl-prev"));
    nav.appendChild(el("span", "", " 第 " + res.page + " 页 / 共 " + res.pages + " 页 "));
    if (res.page < res.pages && res.hits.length === PAGE) nav.appendChild(this.link("下一页", href(s, { page: String(res.page + 1) }), "sl-next"));
  }
};

// ---- Start ----

var engine = null, conf = null;
function config() {
  var m = document.querySelector('meta[name="sunlight-search"]'), entry;
  if (!m) return null;
  entry = m.getAttribute("content");
  return { entry: entry, base: m.getAttribute("data-base") || entry.replace(/search\/[^\/]*$/, "") };
}
function getEngine() {
  if (!engine && (conf = conf || config())) engine = new Engine(conf.entry);
  return engine;
}

window.SunlightSearch = {
  analyze: analyze,
  search: function (q) {
    var e = getEngine();
    return e ? e.search(q) : Promise.reject(new Error("search: no <meta name=sunlight-search>"));
  },
  stats: function () { var e = getEngine(); return e && e.stats; }
};

function start() {
  var root = document.getElementById("sunlight-results"), ui, forms, i;
  if (!getEngine() || !root) return;
  ui = new UI(engine, conf.base, root);
  engine.init().catch(function () {});
  forms = document.querySelectorAll("form[data-sunlight-search]");
  for (i = 0; i < forms.length; i++) {
    forms[i].addEventListener("submit", function (ev) {
      ev.preventDefault();
      ui.go(href(state(), { q: ev.target.querySelector("input[name=q]").value, page: "" }));
    });
  }
  window.addEventListener("popstate", function () { ui.run(); });
  ui.run();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
})();
