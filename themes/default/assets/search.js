/* Sunlight search client: no dependencies, no build step.
 *
 * It analyses queries exactly as bleve indexed the text (NFKC, UAX #29
 * words as github.com/blevesearch/segment finds them, cjk_width, to_lower,
 * cjk_bigram), reads the static index described in internal/search/doc.go,
 * and ranks exactly as `sunlight search` does.
 *
 * Page contract:
 *   <meta name="sunlight-search" content="{base}search/index.{hash}.json" data-base="{base}">
 *   <form data-sunlight-search action="{base}search/"><input name="q" type="search"></form>
 *   <div id="sunlight-results"></div>   (the search page only)
 * API: window.SunlightSearch.analyze(text), .search(query) → Promise.
 */
(function () {
  "use strict";

  // BEGIN GENERATED (internal/search TestJSTables; UPDATE_GOLDEN=1 rewrites it)
  var U_NS=23,
  U_RUNS="K7O)4K*eT*7L*8L*:*;eO/*zLeWdL*=eWpLv&)dK)AM)@)bK)zLyU=CY=49OcL6PCL)eNpLAM)=)HRlcKpL=1KbKgL=)dM@=oK=)=aT=j{=2qK?AMCDK=j$bK)AMG$[)CM0)?)?1K?1K?)jNAWELyK@)EO3MhM1KdKsO?)yKb(FT5O;[)=dK=r5K=?4N?dMdK1K?cL9KfOoKbK)GQ=?=rYAWbKy0KCO)fQfO6!BN1KfK)=)zLnUcL?BN?yK?pLjS2WoKI>xTz)4!D-yK?jS?AMhO1K9K5O=kRoK=4NbK1KbKbU=qM=)yK2LdK=?qMdK1KdKyK)gN)cL1K=AK1K9KfO1KGQoK=3McL1KbKbU=qM=1K=1K=1KdK)?pLeL1KdKoKAK)AM2L=)yMhObKAK)EOoK=rN=oK=bU=qM=1K=pLdK=?4N?oK?oKbK)EQdK1K9K5OBN)CMoK=4NbK1KbKbU=qM=1K=pLdK=?qMdK1KdKoKgN1KcL1K=AK1K9K5O=)kR=)=3MyKoK=2LyK1K=)=1KyK1KyKoKyK6PeLpLAKoK?2LbK)fM)fQ5OkR2L=4N=oK=yU=8RyK?qM?oK?2LCM1K=oKzLdK1K9K5OHRoK=4N=oK=yU=5O=pLdK=?qM?oK?2LCM1KAM)=dK1K9K5O=1KjQoK=4N=oK=H%bK?qM?oK?cL)gN)AMAK1K9K5OfO3MdK1K=9SyKcV=rN=)bKqMAK)eL3M?)?4NbM5OdK1Kk;)dKqMiP4N;5Ox})dK3M?1KEO3M9K5Ot$)1V1KbM5OEO)?)?)eLbK4N=i#eLaT?bKBLsO?i#DN)h6KaT;5OiP2LeLoK?oKdKqMAK2LFP6P?;hO2LbKj$=)zL)bKI&=iL3FLe[=2LbKqM=)=2LbKH%=2LbKDZ=2LbKqM=)=2LbKuQ=6/=2LbKb>dKoKqZ8RiRH|bK3MyKE1QbKvR=dWzLf]yKsOAMtP=eLoKCOlSoKCOlS1KgPtP=oK?1KI<gZDN)9K5O6!2L;5OdMI}eNa&=)zLz?fOCY?6PeL6PdO5OrkK5Ot$1VpLi/5O?BXdK;5ObM5OnUuQm=zLd*FRqMaL5OHRrNiPyKrYDP9KfOy(7QgPu#aTcN5OyKwKfOi#8{oK?HTeL=eLyK1K?1KdMi8Lr-fMcL47MbK3MbKj$bK3MbK4N=)=)=)=CYbK4-=qM=)yKoK=qMyK2LbK3McLtPzLoK=qMGQ2LlN1KmO)eK)dKpLjR1KCK)FQ)EOpL?5O=)DP)iRtPf,DZFR)cL)bK5O=)yKpLdM)=)=)=2L=sObK2LzLpLcL)FRH%yaSq,hr%1*=1*=ImKdMeLyK1KgPj$=)zL)bKs.AM)GQ=yUBNqM=qM=qM=qM=qM=qM=qM=qM?gZb*)d`dW`m0KoPhjLb*)`)8WDNlL1K|pLjKyK1KkLH|dKlKjKIKn1K|2LzLH%EK23KFRAWo-tRCYv=CYC`1*|I}cFK6ytKa]zGcOv&kaWl>n)bKm2MyKgRfO1KkTd*2L?5O=5ZbK7`1K6$rNbKt7KbKE!bK4Nj<EO=AK=eL=1VpLmVq,iPbKB+vRAO5OfMjS3MyK)=)9KfOqX4NbK1VtPmPBXAKcLd*7QhQ;5OEO)dO5OdMa&7QBNAK=gN1K9K5O6!oKB+)?oKdK1KBL1K?)pYEOpLbKAK1KfO3MbK3MbK3MBNqM=qM=I&=5OfO2eK4N?1K9K5OjM6EALmPyUiL2+e06L37NjK89Kt$qMgPpLEL?]5O]tP]pL])]1K]1K]fO45K4!o5NjSw<bKr-u%6PeLmR)eK[)EO8RzK1KnVCK)_)[@)nWpL=0oKdK)HM)gL)_)FO[)zLdWdL)=dW3PE.hKCYEK3MhK3MhK3MhKoKqXoKcL6P=dW=wS=1K=uQbK7Qr!DhKm?4-zoK)ulKBXyK2+GQ)3ZgZiRAWzLv$pLzLfYbKi#cL4N=pLv&yzK9K5O8}k%eNq,HyKHnMBNbUfO4NFwK3MbK)=m(=1KyK)bKyUfOyUBNCYk=wS=1KfObUfOdW0@s.dM1KG<?oK?1KBLcL2L=oK=AWeLoKeL)qZBXyKBX5#4N=qX1K0Wr-fObUfOwSDP9SkbKe[f.3,DP3,kDRyKg-uQ1Z5OGQcLc)sOdK)jSzVyM5OfMyKu#7Q;5OiR7#)bK)DNyKA*hQ2LBLoKwKfO)=)5#9S=2W6P1[qM=)=2L=uQ=5OAMd*6PxL5OfM2L=4NbK1KbKbU=qM=1K=pLdK=?qMdK1KdKoKbK)fM)zLBL1KdKqMAKpLv1MA*kT1K=)cN5O3EKd*qMdKrNIUeL1Kr!A*vRyK)AO5Ot$b(tPcN5Ov{uQaL5O93NE<5OHT)94O6/1sXblTg7KxbKFR8aLy9;i7VwI0KIrPt28LBkPAMCY;5Og7KfYdKpLCOA*qMBN2LeP5OBNxTzLwS00Tc?CO?n)kRcLtPp87N`)fD>v9KzLtPyKrNAM5OAK1K?2LAffKpLAKbUdKqMrY2LFuKoKt1Ok|=d@=1KbK)bK1KbK2L=6P=)=qM=a==2LbK4N=qM=eX=2L=pL=)yKqM=zCMbKzV=zV=CY=zV=CY=zV=CY=zV=CY=zV=4N9Kp+HAO5.eLp+gN)jQ)nUpL?uQ4w]vaLEOqMi0Y2L=AW=1K=)bK)=5O=2L=)=)dM)cL)=)=)=oK=1K=)bK)=)=)=)=)=1K=)bK2L=qM=2L=2L=)=5O=vRzLoK=pL=vR96QdWdMdWdMdWn2KvW)wv_35zTg&r52K1PlnLjK1kkK3duL17Pl3f2N)rY34KvkKuwL",
  U_DFA="232433335367322892:;<;=00000000000000000000000000000000000300000030000020000000000000000000000000>>>506?50>86>0500000000@0@A@6B6@086@0600000000000506770086007C000000DE0@A@6B8@086@0800000000@0@A@6B9@089@090;0000000000000:000000:000000000000000;000;00;0;000000000000B<000000<<00000000000000=000000=00=000000005000>000000>00000000000506??008600?C00000000000060@006600@00000000FFFA06BA0F86F0A00000000000A06BB008600BC0000000000000BC000000CC00000000000000D00E000D00000000000A06BE008600E00000000000A000F000000F000",
  U_ACC="0111233335351020333030";
  // END GENERATED

  // ---- Tokenizer: UAX #29 words, as blevesearch/segment (Unicode 8.0) ----

  var HI = "JKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}";
  var LO = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI";
  var runStart = [], runSym = [];
  (function () {
    var cp = 0, v = 0, m = 1;
    for (var i = 0; i < U_RUNS.length; i++) {
      var c = U_RUNS.charAt(i), d = LO.indexOf(c);
      if (d >= 0) { v += d * m; m *= 45; continue; }
      v += HI.indexOf(c) * m;
      cp += Math.floor(v / U_NS);
      runStart.push(cp); runSym.push(v % U_NS);
      v = 0; m = 1;
    }
  })();

  function symbolOf(cp) {
    var lo = 0, hi = runStart.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (runStart[mid] <= cp) lo = mid; else hi = mid - 1;
    }
    return runSym[lo];
  }

  function utf8Len(cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

  function codePoints(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c < 0xDC00 && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d < 0xE000) { out.push((c - 0xD800) * 0x400 + d - 0xDC00 + 0x10000); i++; continue; }
      }
      out.push(c >= 0xD800 && c < 0xE000 ? 0xFFFD : c);
    }
    return out;
  }

  var IDEO = 1, ALNUM = 0, NUM = 2; // bleve token types
  var TYPE_NAMES = ["alnum", "ideo", "num", "", "", "single", "double"];

  // tokenize returns bleve's unicode tokenizer output: {cps, start, end, type},
  // offsets in UTF-8 bytes.
  function tokenize(cps) {
    var out = [], off = [0], i, n = cps.length;
    for (i = 0; i < n; i++) off.push(off[i] + utf8Len(cps[i]));
    for (i = 0; i < n;) {
      var st = 0, best = 0, type = -1;
      for (var j = i; j < n; j++) {
        st = U_DFA.charCodeAt(st * U_NS + symbolOf(cps[j])) - 49;
        if (st < 0) break;
        var a = U_ACC.charCodeAt(st) - 49;
        if (a >= 0) { best = j + 1 - i; type = a; }
      }
      if (type < 0) throw new Error("tokenizer: no rule");
      if (type > 0) {
        out.push({ cps: cps.slice(i, i + best), start: off[i], end: off[i + best],
          type: type === 1 ? NUM : type === 2 ? ALNUM : IDEO });
      }
      i += best;
    }
    return out;
  }

  // Terms are handled as UTF-8 byte strings (one char per byte), because
  // bleve's to_lower works on bytes in place and can leave invalid UTF-8.
  function encodeCp(cp) {
    if (cp < 0x80) return String.fromCharCode(cp);
    if (cp < 0x800) return String.fromCharCode(0xC0 | cp >> 6, 0x80 | cp & 63);
    if (cp < 0x10000) return String.fromCharCode(0xE0 | cp >> 12, 0x80 | cp >> 6 & 63, 0x80 | cp & 63);
    return String.fromCharCode(0xF0 | cp >> 18, 0x80 | cp >> 12 & 63, 0x80 | cp >> 6 & 63, 0x80 | cp & 63);
  }
  function enc(cps) { var s = ""; for (var i = 0; i < cps.length; i++) s += encodeCp(cps[i]); return s; }

  // decodeAt decodes the rune at i of a byte string as Go's utf8.DecodeRune:
  // [rune, size], with [0xFFFD, 1] for invalid bytes.
  function decodeAt(b, i) {
    var c = b.charCodeAt(i), n = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (n === 1) return [c, 1];
    if (!n || i + n > b.length) return [0xFFFD, 1];
    var cp = c & (0xFF >> (n + 1));
    for (var k = 1; k < n; k++) {
      var d = b.charCodeAt(i + k);
      if ((d & 0xC0) !== 0x80) return [0xFFFD, 1];
      cp = cp * 64 + (d & 63);
    }
    if ((n === 3 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) || (n === 4 && (cp < 0x10000 || cp > 0x10FFFF))) return [0xFFFD, 1];
    return [cp, n];
  }

  // text decodes a byte string as Go's encoding/json prints it.
  function text(b) {
    var out = [];
    for (var i = 0; i < b.length;) { var r = decodeAt(b, i); out.push(r[0]); i += r[1]; }
    return str(out);
  }

  // toLower is Go's unicode.ToLower.
  function toLower(r) {
    if (r === 0x130) return 0x69;
    if (r < 0x41) return r;
    var s = String.fromCodePoint(r).toLowerCase(), c = s.codePointAt(0);
    return s.length === String.fromCodePoint(c).length ? c : r;
  }

  // lower is bleve's to_lower filter on a byte string, quirks included:
  // a narrower lower case is written in place without moving later bytes,
  // a wider one hands the rest to bytes.ToLower, and a final Σ becomes ς.
  function lower(b) {
    var s = b.split(""), i = 0, j = 0, n = b.length;
    while (i < n) {
      var d = decodeAt(b, i), r = d[0], w = d[1], l = toLower(r);
      if (l === r) { i += w; j += w; continue; }
      if (l === 0x3C3 && i + 2 === n) l = 0x3C2;
      var e = encodeCp(l);
      if (e.length > w) {
        var rest = "";
        for (var k = i; k < n;) { var dd = decodeAt(b, k); rest += encodeCp(toLower(dd[0])); k += dd[1]; }
        return s.slice(0, j).join("") + rest;
      }
      for (var m = 0; m < e.length; m++) s[j + m] = e.charAt(m);
      i += w; j += e.length;
    }
    return s.slice(0, j).join("");
  }

  function width(cps) {
    for (var i = 0; i < cps.length; i++) if (cps[i] >= 0xFF01 && cps[i] <= 0xFF5E) cps[i] -= 0xFEE0;
    return cps; // half-width katakana cannot occur after NFKC
  }

  function str(cps) { return String.fromCodePoint.apply(null, cps); }

  // filtered returns tokenizer tokens after cjk_width and to_lower, with
  // the term as a byte string b.
  function filtered(nt) {
    var toks = tokenize(codePoints(nt));
    for (var i = 0; i < toks.length; i++) toks[i].b = lower(enc(width(toks[i].cps)));
    return toks;
  }

  // runes splits an ideographic token as the bigram filter does:
  // [byte string, byte offset] per rune.
  function runes(b) {
    var out = [];
    for (var i = 0; i < b.length;) { var d = decodeAt(b, i); out.push([b.substr(i, d[1]), i]); i += d[1]; }
    return out;
  }

  // analyze returns the tokens bleve indexes: {term, position, start, end, type}.
  function analyze(txt) {
    var toks = filtered(txt.normalize("NFKC")), rv = [], outPos = 1;
    var prev = null, cur = null, items = 0;
    function tok(t, type) { return { term: text(t.term), position: outPos, start: t.start, end: t.end, type: type }; }
    function flush() {
      var t = items === 1 ? tok(cur, "single") : null;
      cur = null; items = 0;
      return t;
    }
    for (var i = 0; i < toks.length; i++) {
      var tk = toks[i], f;
      if (tk.type === IDEO) {
        var rs = runes(tk.b);
        for (var k = 0; k < rs.length; k++) {
          var t = { term: rs[k][0], start: tk.start + rs[k][1], end: tk.start + rs[k][1] + rs[k][0].length };
          if (items > 0 && t.start - cur.end !== 0) {
            f = flush();
            if (f) { outPos++; rv.push(f); }
          }
          prev = cur; cur = t;
          if (items < 2) items++;
          if (items === 2) {
            rv.push(tok({ term: prev.term + cur.term, start: prev.start, end: cur.end }, "double"));
            outPos++;
          }
        }
      } else {
        f = flush();
        if (f) { rv.push(f); outPos++; }
        rv.push(tok({ term: tk.b, start: tk.start, end: tk.end }, TYPE_NAMES[tk.type]));
        outPos++;
      }
    }
    if (items === 1) rv.push(tok(cur, "single"));
    return rv;
  }

  // ---- Phrases ----

  function units(nt) {
    var toks = filtered(nt), out = [];
    for (var i = 0; i < toks.length; i++) {
      var tk = toks[i];
      if (tk.type !== IDEO) { out.push({ term: tk.b, ideo: false, start: tk.start, end: tk.end }); continue; }
      var rs = runes(tk.b);
      for (var k = 0; k < rs.length; k++) {
        out.push({ term: rs[k][0], ideo: true, start: tk.start + rs[k][1], end: tk.start + rs[k][1] + rs[k][0].length });
      }
    }
    return out;
  }

  function aligned(us, i) {
    return i + 1 < us.length && us[i].ideo && us[i + 1].ideo && us[i + 1].start === us[i].end;
  }

  var SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;

  function add(p, k) { if (p.terms.indexOf(k) < 0) p.terms.push(k); }

  function parseQuery(text) {
    var parts = [], fs = text.normalize("NFKC").split(SPACE);
    for (var f = 0; f < fs.length; f++) {
      if (!fs[f]) continue;
      var us = units(fs[f]);
      if (!us.length) continue;
      var p = { units: us, terms: [], words: [] };
      for (var i = 0; i < us.length;) {
        if (!us[i].ideo) { add(p, "m" + us[i].term); p.words.push("m" + us[i].term); i++; continue; }
        var j = i + 1;
        while (j < us.length && aligned(us, j - 1)) j++;
        if (j - i === 1) add(p, "u" + us[i].term);
        else if (j - i === 2) add(p, "m" + us[i].term + us[i + 1].term);
        else for (var k = i; k + 2 < j; k++) add(p, "t" + us[k].term + us[k + 1].term + us[k + 2].term);
        i = j;
      }
      parts.push(p);
    }
    return parts;
  }

  function single(p) {
    var u = p.units, n = u.length;
    return n === 1 || (n === 2 && aligned(u, 0)) || (n === 3 && aligned(u, 0) && aligned(u, 1));
  }

  function matchAt(p, fu, j) {
    var pu = p.units;
    if (j + pu.length > fu.length) return false;
    for (var k = 0; k < pu.length; k++) {
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
    var out = [], i, j, p;
    function add(k) { if (out.indexOf(k) < 0) out.push(k); }
    for (i = 0; i < parts.length; i++) {
      p = parts[i].units;
      for (j = 0; j < p.length; j++) if (aligned(p, j)) add("m" + p[j].term + p[j + 1].term);
    }
    for (i = 0; i < parts.length; i++) {
      p = parts[i].units;
      for (j = 0; j < p.length; j++) if (p[j].ideo) add("u" + p[j].term);
    }
    return out;
  }

  // ---- Index files ----

  function fnv1a(b) {
    var h = 2166136261;
    for (var i = 0; i < b.length; i++) h = Math.imul((h ^ b.charCodeAt(i)) >>> 0, 16777619) >>> 0;
    return h;
  }
  function hex8(n) { return ("0000000" + n.toString(16)).slice(-8); }

  function Reader(b, off) { this.b = b; this.o = off || 0; }
  Reader.prototype.v = function () {
    var x = 0, m = 1, c;
    do {
      if (this.o >= this.b.length) throw new Error("corrupt index");
      c = this.b[this.o++]; x += (c & 127) * m; m *= 128;
    } while (c & 128);
    return x;
  };
  Reader.prototype.u32 = function () {
    var b = this.b, o = this.o;
    this.o += 4;
    return (b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24) >>> 0;
  };
  Reader.prototype.ref = function () { return { pack: this.v(), hash: this.u32(), off: this.v(), n: this.v() }; };
  Reader.prototype.postings = function (n, out) {
    var t = 0, bi = 0, doc = 0;
    for (var i = 0; i < n; i++) {
      var x = this.v();
      if (x === 0) { t = this.v(); bi = this.v(); doc = this.v(); } else doc += x;
      out.push({ doc: doc, title: t, bi: bi, combo: this.v() });
    }
    return out;
  };

  function Need() { this.urls = {}; }
  Need.prototype.add = function (kind, name) { this.urls[name] = kind; };
  Need.prototype.empty = function () { for (var k in this.urls) return false; return true; };

  function Engine(entryURL) {
    this.dir = entryURL.slice(0, entryURL.lastIndexOf("/") + 1);
    this.entryURL = entryURL;
    this.files = {}; // name → parsed content
    this.pending = {};
    this.stats = { requests: 0, bytes: 0, rounds: 0 };
  }

  Engine.prototype.fetchFile = function (name, kind) {
    var self = this;
    if (this.pending[name]) return this.pending[name];
    return (this.pending[name] = fetch(this.dir + name).then(function (r) {
      if (!r.ok) throw new Error("search: " + name + ": HTTP " + r.status);
      self.stats.requests++;
      return kind === "json" ? r.text().then(function (t) { self.stats.bytes += t.length; return JSON.parse(t); })
        : r.arrayBuffer().then(function (b) { self.stats.bytes += b.byteLength; return new Uint8Array(b); });
    }).then(function (v) {
      self.files[name] = kind === "shard" ? parseShard(v, self.entry) : v;
    }, function (e) { delete self.pending[name]; throw e; }));
  };

  function parseShard(b, e) {
    var r = new Reader(b), m = {}, i;
    for (var n = r.v(); n > 0; n--) {
      var kl = r.v(), key = String.fromCharCode.apply(null, b.subarray(r.o, r.o + kl));
      r.o += kl;
      var de = { key: key, df: r.v(), titlesKnown: true, titles: {} };
      de.tier0 = r.postings(de.df > e.members ? e.topK : de.df, []);
      for (i = 0; i < de.tier0.length; i++) if (de.tier0[i].title > 0) de.titles[de.tier0[i].doc] = 1;
      if (de.df > e.members) {
        var c = r.v();
        de.titlesKnown = c > 0;
        for (var d = 0; c > 1; c--) { d += r.v(); de.titles[d] = 1; }
        de.overflow = r.ref();
        de.facets = r.ref();
      }
      m[key] = de;
    }
    return m;
  }

  // docSet returns document → 1 if in title, else 0, for df <= members.
  function docSet(de) {
    if (!de.docs) {
      de.docs = {};
      for (var i = 0; i < de.tier0.length; i++) de.docs[de.tier0[i].doc] = de.tier0[i].title > 0 ? 1 : 0;
    }
    return de.docs;
  }

  Engine.prototype.init = function () {
    var self = this;
    if (!this.ready) {
      this.ready = fetch(this.entryURL).then(function (r) {
        if (!r.ok) throw new Error("search: entry: HTTP " + r.status);
        return r.json();
      }).then(function (e) {
        if (e.format !== "sunlight-search/1") throw new Error("search: unknown format " + e.format);
        self.entry = e;
        self.dims = null;
      });
    }
    return this.ready;
  };

  // load fetches everything a computation asked for, in parallel.
  Engine.prototype.load = function (need) {
    var ps = [];
    for (var name in need.urls) ps.push(this.fetchFile(name, need.urls[name]));
    this.stats.rounds++;
    return Promise.all(ps);
  };

  // Accessors that record what is missing instead of waiting for it.
  Engine.prototype.meta = function (need) {
    var m = this.files[this.entry.meta];
    if (!m) { need.add("json", this.entry.meta); return null; }
    if (!this.dims) {
      var d = [[], m.types, m.categories, m.levels, []], base = [], n = 0, i;
      for (i = 0; i < m.units.length; i++) d[0].push(m.units[i][1]);
      for (i = 0; i < m.years.length; i++) d[4].push(String(m.years[i]));
      for (i = 0; i < 5; i++) { base.push(n); n += d[i].length; }
      this.dims = d; this.base = base; this.nvals = n;
    }
    return m;
  };

  Engine.prototype.lookup = function (key, need) {
    var e = this.entry, sh = fnv1a(key) % e.shards;
    var name = "t/" + sh + "." + e.shardHashes[Math.floor(sh / e.shardGroup)] + ".bin";
    var m = this.files[name];
    if (!m) { need.add("shard", name); return undefined; }
    return m[key] || null;
  };

  Engine.prototype.blob = function (kind, ref, need) {
    var name = kind + "/" + ref.pack + "." + hex8(ref.hash) + ".bin", b = this.files[name];
    if (!b) { need.add("bin", name); return null; }
    return b.subarray(ref.off, ref.off + ref.n);
  };

  // postings returns the loaded postings of an entry; .complete tells
  // whether they are all there.
  Engine.prototype.postings = function (de, need, want) {
    if (de.df <= this.entry.members) return { list: de.tier0, complete: true };
    if (!de.all) {
      var name = "o/" + de.overflow.pack + "." + hex8(de.overflow.hash) + ".bin", b = this.files[name];
      if (!b) {
        if (want) need.add("bin", name);
        return { list: de.tier0, complete: false };
      }
      b = b.subarray(de.overflow.off, de.overflow.off + de.overflow.n);
      de.all = new Reader(b).postings(de.df - de.tier0.length, de.tier0.slice());
    }
    return { list: de.all, complete: true };
  };

  Engine.prototype.record = function (doc, need) {
    var e = this.entry, c = Math.floor(doc / e.chunkDocs);
    var name = "r/" + c + "." + e.chunkHashes[Math.floor(c / e.chunkGroup)] + ".json";
    var recs = this.files[name];
    if (!recs) { need.add("json", name); return null; }
    var r = recs[doc - c * e.chunkDocs];
    if (!r.parsed) {
      r.parsed = { id: r[0], url: r[1], title: r[2], body: r[3], hasFine: r.length >= 6,
        fineMin: r.length >= 6 ? r[4] : 0, fineMax: r.length >= 6 ? r[5] : 0 };
    }
    return r.parsed;
  };

  // ---- The search algorithm (mirrors searcher.go) ----

  var PAGE = 10;

  function Pending() {}

  Engine.prototype.compileFilter = function (q, meta) {
    var f = { unit: [0, this.entry.docs], typ: -1, cat: -1, level: -1, year: -1, fine: false, any: false, impossible: false };
    function find(vals, v) {
      if (!v) return -1;
      f.any = true;
      var i = vals.indexOf(v);
      if (i < 0) f.impossible = true;
      return i;
    }
    if (q.unit) {
      f.any = f.impossible = true;
      for (var i = 0; i < meta.units.length; i++) {
        if (meta.units[i][0] === q.unit) { f.unit = [meta.units[i][2], meta.units[i][3]]; f.impossible = false; }
      }
    }
    f.typ = find(meta.types, q.type);
    f.cat = find(meta.categories, q.category);
    f.level = find(meta.levels, q.level);
    if (q.year) f.year = find(this.dims[4], String(q.year));
    if (q.fineMin > 0 || q.fineMax > 0) { f.any = f.fine = true; f.fineMin = q.fineMin || 0; f.fineMax = q.fineMax || 0; }
    return f;
  };

  Engine.prototype.pass = function (f, doc, combo, meta) {
    if (doc < f.unit[0] || doc >= f.unit[1] || combo >= meta.combos.length) return false;
    var c = meta.combos[combo];
    return (f.typ < 0 || c[0] === f.typ) && (f.cat < 0 || c[1] === f.cat) &&
      (f.level < 0 || c[2] === f.level) && (f.year < 0 || c[3] === f.year) && (!f.fine || c[4] === 1);
  };

  function passFine(f, r) {
    if (!f.fine) return true;
    return r.hasFine && (f.fineMin <= 0 || r.fineMax >= f.fineMin) && (f.fineMax <= 0 || r.fineMin <= f.fineMax);
  }

  function matchRecord(parts, r) {
    var tu = units(r.title.normalize("NFKC")), bu = units(r.body.normalize("NFKC")), inTitle = true;
    for (var i = 0; i < parts.length; i++) {
      var t = find(parts[i], tu) >= 0;
      if (!t && find(parts[i], bu) < 0) return null;
      inTitle = inTitle && t;
    }
    return { inTitle: inTitle };
  }

  function before(a, b) { return a.bi > b.bi || (a.bi === b.bi && a.doc < b.doc); }

  // rankPage mirrors searcher.go. check(p) returns {ok, inTitle}, or null
  // when p's record is missing; then miss(docs) is told what to fetch and
  // rankPage throws Pending. cands.at(i) may throw Pending too.
  function rankPage(cands, page, check, notTitle, miss, batch) {
    var need = page * PAGE, titled = [], demoted = [], out = [], i = 0, c, r, k = 0, phaseA = true;
    // missing asks for p's record and for those of the candidates that
    // will probably be checked next, then gives up until they are loaded.
    function missing(p) {
      var docs = [p], want = need - (phaseA ? titled.length : out.length) + batch;
      for (var j = i; j < cands.loaded && docs.length < want; j++) {
        var q = cands.at(j);
        if (q.title === 0 || !notTitle(q)) docs.push(q);
      }
      for (j = k; j < demoted.length && docs.length < 2 * want; j++) if (!demoted[j].confirmed) docs.push(demoted[j].p);
      miss(docs);
      throw new Pending();
    }
    for (; i < cands.length && (c = cands.at(i)).title > 0 && titled.length < need; i++) {
      if (notTitle(c)) { demoted.push({ p: c, confirmed: false }); continue; }
      r = check(c);
      if (!r) { i++; missing(c); }
      if (r.ok && r.inTitle) titled.push({ p: c, inTitle: true });
      else if (r.ok) demoted.push({ p: c, confirmed: true });
    }
    out = titled.slice();
    phaseA = false;
    if (out.length < need) {
      demoted.sort(function (a, b) { return b.p.bi - a.p.bi || a.p.doc - b.p.doc; });
      var next = null;
      var advance = function () {
        next = null;
        while (i < cands.length) {
          var p = cands.at(i);
          i++;
          var rr = check(p);
          if (!rr) missing(p);
          if (rr.ok) { next = { p: p, inTitle: false }; return; }
        }
      };
      advance();
      while (out.length < need) {
        if (k < demoted.length && (next === null || before(demoted[k].p, next.p))) {
          var d = demoted[k++];
          if (!d.confirmed) {
            var dr = check(d.p);
            if (!dr) { k--; missing(d.p); }
            if (!dr.ok) continue;
          }
          out.push({ p: d.p, inTitle: false });
        } else if (next !== null) { out.push(next); advance(); }
        else break;
      }
    }
    var lo = (page - 1) * PAGE;
    return lo >= out.length ? [] : out.slice(lo, need);
  }

  Engine.prototype.valuesOf = function (doc, combo, meta) {
    var us = meta.units, lo = 0, hi = us.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (us[mid][3] < doc + 1) lo = mid + 1; else hi = mid; }
    var c = meta.combos[combo];
    return [lo, c[0], c[1], c[2], c[3]];
  };

  var DIMS = ["unit", "type", "category", "level", "year"];

  Engine.prototype.facetList = function (counts, meta) {
    var out = [];
    for (var d = 0; d < 5; d++) {
      var fc = { name: DIMS[d], values: [] };
      for (var v = 0; v < this.dims[d].length; v++) {
        var c = counts[this.base[d] + v];
        if (!c) continue;
        fc.values.push({ value: d === 0 ? meta.units[v][0] : this.dims[d][v], label: this.dims[d][v], count: c });
      }
      out.push(fc);
    }
    return out;
  };

  Engine.prototype.facetsFrom = function (cands, meta) {
    var counts = [], i;
    for (i = 0; i < this.nvals; i++) counts.push(0);
    for (i = 0; i < cands.length; i++) {
      var v = this.valuesOf(cands[i].doc, cands[i].combo, meta);
      for (var d = 0; d < 5; d++) if (v[d] >= 0) counts[this.base[d] + v[d]]++;
    }
    return this.facetList(counts, meta);
  };

  Engine.prototype.facetsFromVector = function (b, meta) {
    var counts = [], r = new Reader(b), i = 0;
    for (var k = 0; k < this.nvals; k++) counts.push(0);
    for (var n = r.v(); n > 0; n--) { i += r.v(); var c = r.v(); if (i < this.nvals) counts[i] = c; }
    return this.facetList(counts, meta);
  };

  Engine.prototype.hits = function (list, parts, meta, need) {
    var out = [], i;
    for (i = 0; i < list.length; i++) this.record(list[i].doc, need);
    if (!need.empty()) return null;
    for (i = 0; i < list.length; i++) {
      var p = list[i], r = this.record(p.doc, need), v = this.valuesOf(p.doc, p.combo, meta), d = this.dims;
      out.push({ id: r.id, url: r.url, title: r.title, type: d[1][v[1]] || "", unit: meta.units[v[0]][0],
        unitName: d[0][v[0]], category: d[2][v[2]] || "", level: d[3][v[3]] || "",
        year: v[4] >= 0 ? meta.years[v[4]] : 0, hasFine: r.hasFine, fineMin: r.fineMin, fineMax: r.fineMax,
        inTitle: !!list[i].inTitle, titleHL: highlight(r.title, parts, -1), snippet: highlight(r.body, parts, 100) });
    }
    return out;
  };

  // compute runs the algorithm on what is loaded; it returns the results,
  // or null after recording in need what it is missing.
  Engine.prototype.compute = function (q, need, batch) {
    var self = this, page = q.page > 0 ? q.page : 1, parts = parseQuery(q.text || "");
    var meta = this.meta(need), keys = [], entries = {}, i, k, missing = false;
    for (i = 0; i < parts.length; i++) {
      for (k = 0; k < parts[i].terms.length; k++) {
        var key = parts[i].terms[k];
        if (key in entries) continue;
        entries[key] = this.lookup(key, need);
        keys.push(key);
        if (entries[key] === null) missing = true;
      }
    }
    if (!need.empty()) return null;
    var res = { total: 0, totalExact: false, fallback: false, page: page, pages: 0, hits: [], facets: [] };
    var f = this.compileFilter(q, meta);
    if (f.impossible || (!parts.length && !f.any)) { res.facets = this.facetsFrom([], meta); return res; }
    if (!parts.length) return this.browse(q, f, page, meta, need, batch);
    if (missing) {
      // A code or number that occurs nowhere gets no near misses.
      for (i = 0; i < parts.length; i++) {
        for (k = 0; k < parts[i].words.length; k++) {
          if (entries[parts[i].words[k]] === null) { res.facets = this.facetsFrom([], meta); return res; }
        }
      }
      return this.fallback(q, f, parts, page, meta, need);
    }

    var driver = null;
    for (i = 0; i < keys.length; i++) {
      var de = entries[keys[i]];
      if (!driver || de.df < driver.df || (de.df === driver.df && de.key < driver.key)) driver = de;
    }
    var others = [], small = [], big = false, M = this.entry.members;
    for (i = 0; i < keys.length; i++) {
      var e = entries[keys[i]];
      if (e === driver) continue;
      others.push(e);
      if (e.df > M) big = true; else small.push(docSet(e));
    }
    var singles = true;
    for (i = 0; i < parts.length; i++) singles = singles && single(parts[i]);
    var confirm = f.fine || !singles || big;
    var keep = function (p) {
      if (!self.pass(f, p.doc, p.combo, meta)) return false;
      for (var j = 0; j < small.length; j++) if (!(p.doc in small[j])) return false;
      return true;
    };
    // The ranked candidates (in posting order) need the overflow beyond
    // the first tier; their set (for counts) is known without it when the
    // driver lists its members, or has no filters to apply.
    var post = this.postings(driver, need, f.any);
    if (!need.empty()) return null;
    var cands = [];
    for (i = 0; i < post.list.length; i++) if (keep(post.list[i])) cands.push(post.list[i]);
    var set = post.complete ? cands : null;
    res.total = set ? set.length : driver.df;
    res.totalExact = !confirm;
    res.pages = Math.ceil(res.total / PAGE);
    if (driver.df > M && !f.any) {
      var vb = this.blob("f", driver.facets, need);
      if (vb) res.facets = this.facetsFromVector(vb, meta);
    } else res.facets = this.facetsFrom(set, meta);

    var pending = false;
    var seq = {
      length: res.total, loaded: cands.length,
      at: function (i) {
        if (i < cands.length) return cands[i];
        self.postings(driver, need, true);
        throw new Pending();
      }
    };
    var check = function (p) {
      if (!confirm) {
        var t = p.title > 0;
        for (var j = 0; j < small.length; j++) t = t && small[j][p.doc] > 0;
        return { ok: true, inTitle: t };
      }
      var r = self.record(p.doc, need);
      if (!r) return null;
      if (!passFine(f, r)) return { ok: false };
      var mr = matchRecord(parts, r);
      return mr ? { ok: true, inTitle: mr.inTitle } : { ok: false };
    };
    var notTitle = function (p) {
      for (var j = 0; j < others.length; j++) if (others[j].titlesKnown && !others[j].titles[p.doc]) return true;
      return false;
    };
    var miss = function (docs) { for (var j = 0; j < docs.length; j++) self.record(docs[j].doc, need); };
    var ranked;
    try {
      ranked = rankPage(seq, page, check, notTitle, miss, batch);
      if (!ranked.length && page > 1 && res.total) {
        if (rankPage(seq, 1, check, notTitle, miss, batch).length === 0) ranked = null;
      } else if (!ranked.length) ranked = null;
    } catch (err) {
      if (!(err instanceof Pending)) throw err;
      pending = true;
    }
    if (pending) return null;
    if (ranked === null) return need.empty() ? this.fallback(q, f, parts, page, meta, need) : null;
    var hl = [];
    for (i = 0; i < ranked.length; i++) hl.push({ doc: ranked[i].p.doc, combo: ranked[i].p.combo, inTitle: ranked[i].inTitle });
    res.hits = this.hits(hl, parts, meta, need);
    return need.empty() ? res : null;
  };

  Engine.prototype.browse = function (q, f, page, meta, need, batch) {
    var b = this.files[this.entry.browse];
    if (!b) { need.add("bin", this.entry.browse); return null; }
    var r = new Reader(b), cands = [], doc = 0;
    for (var n = r.v(); n > 0; n--) {
      var cnt = r.v(), combo = r.v();
      for (var k = 0; k < cnt; k++, doc++) if (this.pass(f, doc, combo, meta)) cands.push({ doc: doc, combo: combo });
    }
    var res = { total: cands.length, totalExact: !f.fine, fallback: false, page: page,
      pages: Math.ceil(cands.length / PAGE), hits: [], facets: this.facetsFrom(cands, meta) };
    var out = [];
    for (var i = 0; i < cands.length && out.length < page * PAGE; i++) {
      if (f.fine) {
        var rec = this.record(cands[i].doc, need);
        if (!rec) { for (var j = i; j < Math.min(cands.length, i + batch); j++) this.record(cands[j].doc, need); return null; }
        if (!passFine(f, rec)) continue;
      }
      out.push(cands[i]);
    }
    res.hits = this.hits(out.slice((page - 1) * PAGE), [], meta, need);
    return res.hits ? res : null;
  };

  Engine.prototype.fallback = function (q, f, parts, page, meta, need) {
    var terms = fallbackTerms(parts), des = [], i, k;
    if (f.fine) return { total: 0, totalExact: false, fallback: false, page: page, pages: 0, hits: [], facets: this.facetsFrom([], meta) };
    for (i = 0; i < terms.length; i++) des.push(this.lookup(terms[i], need));
    if (!need.empty()) return null;
    var nbits = 32 - Math.clz32(this.entry.docs), acc = {}, all = [];
    for (i = 0; i < terms.length; i++) {
      var de = des[i];
      if (!de) continue;
      var w = 1 + nbits - (32 - Math.clz32(de.df));
      if (runes(terms[i]).length === 3) w *= 2;
      for (k = 0; k < de.tier0.length; k++) {
        var p = de.tier0[k];
        if (!this.pass(f, p.doc, p.combo, meta)) continue;
        var a = acc[p.doc];
        if (!a) { a = acc[p.doc] = { doc: p.doc, combo: p.combo, score: 0, titles: 0 }; all.push(a); }
        a.score += w;
        if (p.title > 0) a.titles++;
      }
    }
    all.sort(function (a, b) { return b.score - a.score || b.titles - a.titles || a.doc - b.doc; });
    var res = { total: all.length, totalExact: true, fallback: all.length > 0, page: page,
      pages: Math.ceil(all.length / PAGE), hits: [], facets: this.facetsFrom(all, meta) };
    var hl = [];
    for (i = 0; i < terms.length; i++) hl = hl.concat(parseQuery(text(terms[i].slice(1))));
    res.hits = this.hits(all.slice((page - 1) * PAGE, page * PAGE), hl, meta, need);
    return res.hits ? res : null;
  };

  Engine.prototype.search = function (q) {
    var self = this, batch = 2;
    function step() {
      var need = new Need(), res = self.compute(q, need, batch);
      if (res) return res;
      if (need.empty()) throw new Error("search: no progress");
      batch = batch * 2 + 4;
      return self.load(need).then(step);
    }
    return this.init().then(step);
  };

  // ---- Snippets ----

  var MARK = /\p{M}/u;

  // highlight mirrors snippet.go: fragments {text, match} of text.
  function highlight(text, parts, limit) {
    var cps = codePoints(text), nt = "", back = [], o = 0, i = 0, k;
    var ooff = [0];
    for (k = 0; k < cps.length; k++) ooff.push(ooff[k] + (cps[k] > 0xFFFF ? 2 : 1));
    while (i < cps.length) {
      var j = i + 1;
      while (j < cps.length && MARK.test(String.fromCodePoint(cps[j]))) j++;
      var piece = str(cps.slice(i, j)).normalize("NFKC"), pc = codePoints(piece);
      for (k = 0; k < pc.length; k++) for (var b = utf8Len(pc[k]); b > 0; b--) back.push(ooff[i]);
      nt += piece;
      i = j;
    }
    back.push(text.length);
    function origEnd(nb) {
      if (nb <= 0) return 0;
      var x = back[nb - 1];
      for (var m = nb; m < back.length; m++) if (back[m] !== x) return back[m];
      return text.length;
    }
    var ranges = [];
    if (parts.length) {
      var us = units(nt);
      for (var jj = 0; jj < us.length;) {
        var best = 0;
        for (k = 0; k < parts.length; k++) if (parts[k].units.length > best && matchAt(parts[k], us, jj)) best = parts[k].units.length;
        if (!best) { jj++; continue; }
        ranges.push([back[us[jj].start], origEnd(us[jj + best - 1].end)]);
        jj += best;
      }
    }
    var lo = 0, hi = text.length;
    function prevCp(x) { return x >= 2 && text.charCodeAt(x - 1) >= 0xDC00 && text.charCodeAt(x - 1) < 0xE000 && text.charCodeAt(x - 2) >= 0xD800 && text.charCodeAt(x - 2) < 0xDC00 ? x - 2 : x - 1; }
    function nextCp(x) { var c = text.charCodeAt(x); return c >= 0xD800 && c < 0xDC00 && x + 1 < text.length ? x + 2 : x + 1; }
    if (limit > 0) {
      if (ranges.length) { lo = ranges[0][0]; for (k = 0; k < 20 && lo > 0; k++) lo = prevCp(lo); }
      hi = lo;
      for (k = 0; k < limit && hi < text.length; k++) hi = nextCp(hi);
      for (k = 0; k < ranges.length; k++) if (ranges[k][0] < hi && ranges[k][1] > hi) hi = ranges[k][1];
    }
    var out = [], pos = lo;
    function add(s, m) { if (s) out.push({ text: s, match: m }); }
    if (lo > 0) add("…", false);
    for (k = 0; k < ranges.length; k++) {
      var r = ranges[k];
      if (r[1] <= lo || r[0] >= hi) continue;
      add(text.slice(pos, Math.max(pos, r[0])), false);
      add(text.slice(Math.max(pos, r[0]), r[1]), true);
      pos = r[1];
    }
    add(text.slice(pos, hi), false);
    if (hi < text.length) add("…", false);
    return out;
  }

  // ---- Page ----

  var PARAMS = ["q", "unit", "type", "category", "level", "year", "fmin", "fmax", "page"];
  var LABELS = { unit: "单位", type: "类型", category: "类别", level: "风险等级", year: "年度" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function fragments(parent, frs) {
    for (var i = 0; i < frs.length; i++) parent.appendChild(frs[i].match ? el("mark", "", frs[i].text) : document.createTextNode(frs[i].text));
  }

  function stateFromURL() {
    var u = new URLSearchParams(location.search), s = {};
    for (var i = 0; i < PARAMS.length; i++) s[PARAMS[i]] = u.get(PARAMS[i]) || "";
    return s;
  }

  function queryOf(s) {
    return { text: s.q, unit: s.unit, type: s.type, category: s.category, level: s.level,
      year: parseInt(s.year, 10) || 0, fineMin: parseFloat(s.fmin) || 0, fineMax: parseFloat(s.fmax) || 0,
      page: parseInt(s.page, 10) || 1 };
  }

  function hrefOf(s, change) {
    var u = new URLSearchParams();
    for (var i = 0; i < PARAMS.length; i++) {
      var k = PARAMS[i], v = k in change ? change[k] : s[k];
      if (v) u.set(k, v);
    }
    var qs = u.toString();
    return location.pathname + (qs ? "?" + qs : "");
  }

  function UI(engine, base, root) {
    this.engine = engine; this.base = base; this.root = root; this.seq = 0;
  }

  UI.prototype.go = function (href, push) {
    if (push) history.pushState(null, "", href);
    this.run();
  };

  UI.prototype.run = function () {
    var self = this, s = stateFromURL(), seq = ++this.seq;
    var forms = document.querySelectorAll("form[data-sunlight-search] input[name=q]");
    for (var i = 0; i < forms.length; i++) forms[i].value = s.q;
    if (!s.q && !s.unit && !s.type && !s.category && !s.level && !s.year && !s.fmin && !s.fmax) return;
    this.root.setAttribute("aria-busy", "true");
    this.engine.search(queryOf(s)).then(function (res) {
      if (seq === self.seq) self.render(s, res);
    }, function (err) {
      if (seq !== self.seq) return;
      self.root.textContent = "";
      self.root.appendChild(el("p", "sl-error", "搜索暂时不可用（" + err.message + "）。"));
      self.root.removeAttribute("aria-busy");
    });
  };

  UI.prototype.link = function (text, href, cls) {
    var self = this, a = el("a", cls, text);
    a.href = href;
    a.addEventListener("click", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return;
      ev.preventDefault();
      self.go(href, true);
    });
    return a;
  };

  UI.prototype.render = function (s, res) {
    var root = this.root, i, j;
    root.textContent = "";
    root.removeAttribute("aria-busy");
    var summary = el("p", "sl-summary");
    if (res.fallback) {
      summary.textContent = "没有找到与“" + s.q + "”完全匹配的结果。以下是最接近的 " + res.total + " 条结果：";
      summary.className += " sl-fallback";
    } else if (!res.total) {
      summary.textContent = s.q ? "没有找到与“" + s.q + "”匹配的结果。" : "没有符合条件的结果。";
    } else {
      summary.textContent = (res.totalExact ? "共 " : "最多 ") + res.total + " 条结果";
    }
    root.appendChild(summary);

    var aside = el("div", "sl-facets");
    for (i = 0; i < res.facets.length; i++) {
      var fc = res.facets[i], key = fc.name, sel = s[key];
      if (!fc.values.length && !sel) continue;
      var box = el("div", "sl-facet");
      box.appendChild(el("h3", "", LABELS[key]));
      var ul = el("ul");
      if (sel) {
        var li0 = el("li");
        var ch = {}; ch[key] = ""; ch.page = "";
        li0.appendChild(this.link("全部（清除）", hrefOf(s, ch), "sl-clear"));
        ul.appendChild(li0);
      }
      for (j = 0; j < fc.values.length; j++) {
        var v = fc.values[j], li = el("li"), c2 = {};
        c2[key] = v.value; c2.page = "";
        var a = this.link(v.label, hrefOf(s, c2), String(v.value) === sel ? "sl-selected" : "");
        if (String(v.value) === sel) a.setAttribute("aria-current", "true");
        li.appendChild(a);
        li.appendChild(el("span", "sl-count", " " + v.count));
        ul.appendChild(li);
      }
      box.appendChild(ul);
      aside.appendChild(box);
    }
    root.appendChild(aside);

    var ol = el("ol", "sl-hits");
    ol.start = (res.page - 1) * PAGE + 1;
    for (i = 0; i < res.hits.length; i++) {
      var h = res.hits[i], item = el("li", "sl-hit"), title = el("a", "sl-title");
      title.href = this.base + h.url.replace(/^\//, "");
      fragments(title, h.titleHL);
      item.appendChild(title);
      var metaLine = [h.type, h.unitName, h.category, h.level ? "风险等级：" + h.level : "", h.year ? h.year + "年" : ""];
      item.appendChild(el("div", "sl-meta", metaLine.filter(Boolean).join(" · ")));
      var p = el("p", "sl-snippet");
      fragments(p, h.snippet);
      item.appendChild(p);
      ol.appendChild(item);
    }
    root.appendChild(ol);

    if (res.pages > 1) {
      var nav = el("nav", "sl-pages");
      nav.setAttribute("aria-label", "分页");
      if (res.page > 1) nav.appendChild(this.link("上一页", hrefOf(s, { page: String(res.page - 1) }), "sl-prev"));
      nav.appendChild(el("span", "", " 第 " + res.page + " 页 / 共 " + res.pages + " 页 "));
      if (res.page < res.pages && res.hits.length === PAGE) nav.appendChild(this.link("下一页", hrefOf(s, { page: String(res.page + 1) }), "sl-next"));
      root.appendChild(nav);
    }
  };

  // ---- Start ----

  function config() {
    var m = document.querySelector('meta[name="sunlight-search"]');
    if (!m) return null;
    var entry = m.getAttribute("content"), base = m.getAttribute("data-base");
    if (!base) base = entry.replace(/search\/[^\/]*$/, "");
    return { entry: entry, base: base };
  }

  var engine = null;
  function getEngine() {
    var c = config();
    if (!engine && c) engine = new Engine(c.entry);
    return engine;
  }

  window.SunlightSearch = {
    analyze: analyze,
    units: function (text) { return units(text.normalize("NFKC")); },
    search: function (q) {
      var e = getEngine();
      return e ? e.search(q) : Promise.reject(new Error("search: no <meta name=sunlight-search>"));
    },
    stats: function () { var e = getEngine(); return e ? e.stats : null; }
  };

  function start() {
    var c = config(), root = document.getElementById("sunlight-results");
    if (!c || !root) return;
    var ui = new UI(getEngine(), c.base, root);
    getEngine().init().catch(function () {});
    var forms = document.querySelectorAll("form[data-sunlight-search]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", function (ev) {
        ev.preventDefault();
        var q = ev.target.querySelector("input[name=q]").value, s = stateFromURL();
        ui.go(hrefOf(s, { q: q, page: "" }), true);
      });
    }
    window.addEventListener("popstate", function () { ui.run(); });
    ui.run();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
