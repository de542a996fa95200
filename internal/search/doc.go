// Package search builds Sunlight's static search index and answers
// queries from it. This comment is the specification of the exported
// format and of the search algorithm; the Go [Searcher] and the browser
// client themes/default/assets/search.js implement it identically, and
// tests run both on the same queries and compare the results.
//
// # Analysis
//
// Text is normalised with Unicode NFKC, then analysed as bleve's cjk
// analyzer does: the unicode tokenizer (UAX #29 words, from
// github.com/blevesearch/segment, Unicode 8.0), cjk_width, to_lower and
// cjk_bigram ([Analyze]). The client ports this chain exactly, quirks
// included (to_lower rewrites bytes in place and can leave invalid UTF-8;
// terms are compared as bytes). Its word-break tables are generated from
// segment's Ragel sources by internal/uax29 (TestJSTables keeps them
// current).
//
// A text is also seen as a sequence of units: each rune of an ideographic
// token, and each other token, after width and case folding. Two
// ideographic units are adjacent when no byte separates them (the bigram
// filter's rule). Build analyses the title and the body of every [Doc]
// once, with those bleve components, into units, and builds the inverted
// index from them directly (in memory). Each field yields three kinds of
// terms:
//
//	m  cjk: bigrams of adjacent ideographic units, and other tokens
//	   (exactly the tokens bleve's cjk_bigram filter emits)
//	u  each ideographic unit (one-character queries)
//	t  each three adjacent ideographic units
//
// A term key is the tag byte (m, u or t) followed by the term's bytes.
// The lone ideographs that cjk_bigram emits into m are not exported; u
// covers them (they still count in the length of the body in m).
//
// # Queries
//
// A query is normalised and split at white space into parts; every part
// must match. A part matches a field when the field's units contain the
// part's units contiguously, with the same adjacency between consecutive
// ideographic units. Hence a Chinese phrase matches only where its
// characters are adjacent, and a code or number only as a whole token.
// The terms of a part are: for each maximal run of adjacent ideographic
// units, u+rune (length 1), m+bigram (length 2) or t+trigrams (length 3
// or more: those at offsets 0, 3, 6… and length−3, which cover the run);
// for each other unit, m+token. A part whose only term is its
// whole self (one unit, or a run of two or three) is single: the term's
// presence is the match.
//
// # Files
//
// Export returns files under search/ (paths use /):
//
//	index.json             {"entry": "index.<h>.json"}, the only unhashed file
//	index.<h>.json         the entry (about 1.6 KB, constant): format, docs,
//	                       pageSize, topK, members, shards, shardGroup,
//	                       shardHashes, chunkDocs, chunkGroup, chunkHashes,
//	                       meta and browse file names
//	meta.<h>.json          units [id, name, first doc, end doc], types,
//	                       categories, levels, years, combos [type,
//	                       category, level, year (indexes, -1 none),
//	                       hasFine 0/1], counts per dimension and value
//	browse.<h>.bin         varint n, then n runs (varint count, varint combo)
//	                       giving the combo of every document in order
//	t/<i>.<g>.bin          dictionary shard i
//	r/<c>.<g>.json         documents [c*chunkDocs, (c+1)*chunkDocs): arrays
//	                       [id, url ("" when equal to id), title, body,
//	                       fineMin, fineMax (only if HasFine)]
//	o/<k>.<x>.bin          overflow pack k (postings beyond the first tier)
//	f/<k>.<x>.bin          facet pack k (per-term facet counts)
//
// <h> is the first 8 hex digits of the SHA-256 of the file; <g> that of
// the concatenation of a group of shardGroup shards (or chunkGroup chunks),
// so that the entry lists at most 64 group hashes of each kind; <x> is the
// first 4 bytes of the pack's SHA-256 read as a little-endian uint32, in 8
// hex digits.
//
// Documents are numbered in the order (unit, type, category, level, year,
// ID), so a unit is a contiguous range. A combo is an index into
// meta.combos. A term key belongs to shard fnv1a32(key) mod shards.
//
// All integers in binary files are unsigned LEB128 varints except pack
// hashes (uint32, little-endian). A shard is: varint n, then n entries:
//
//	varint len(key), key, varint df,
//	postings: all df of them if df <= members, else the first topK,
//	if df > members: title documents, overflow ref, facets ref
//
// Title documents: varint c; 0 = unknown, otherwise c-1 document numbers
// as increasing deltas, listing the documents with the term in their
// title beyond the first tier (c = 1: there are none). A ref is varint
// pack, uint32 hash, varint offset, varint length into the pack. The
// overflow blob holds postings df-topK; the facet blob holds varint n and
// n pairs (varint value index delta, varint count) over the value index
// space of the dimensions unit, type, category, level, year concatenated.
//
// A posting is (doc, title, bi, combo): title is the number of units of
// the document's title if the term occurs in it, else 0; bi is the body
// impact, 0 if the term is not in the body, else
//
//	1 + min(62, floor(63 · tf / (tf + k1·(1 − b + b·dl/avgdl))))
//
// with k1 = 1.2, b = 0.75, tf the term's frequency in the body, dl the
// number of tokens of the body in the term's analysis and avgdl their
// mean over all documents. Impacts are quantised at build time, so that
// clients only compare integers and never compute a logarithm. Postings
// are in posting order: title > 0 first, title ascending (shorter titles
// first), bi descending, doc ascending. A list is encoded posting by
// posting: varint x; x = 0 starts a group and is followed by varints
// title, bi, doc; otherwise doc = previous doc + x with the previous title
// and bi. Then varint combo.
//
// # Algorithm
//
// Search(q), page p (PageSize = 10 hits):
//
//  1. Filters (unit, type, category, level, year) compare the posting's
//     document range and combo; an unknown value yields no results. A
//     fine range needs the record (fineMax >= FineMin, fineMin <= FineMax)
//     and requires hasFine in the combo.
//  2. No parts: with filters, browse: every document that passes, in
//     document order. Without, nothing.
//  3. Look up every term of every part. If a term is absent: when it is a
//     non-ideographic token (a code, a number), the result is empty; else
//     the fallback (step 8).
//  4. The driver is the term with the smallest df (ties: smaller key
//     bytes). Candidates are the driver's postings, in posting order, that
//     pass the filters and whose document occurs in every other term that
//     lists all its postings (df <= members). Total is their number.
//     Confirmation is needed when a part is not single, another term has
//     df > members, or a fine range is set; otherwise Total is exact.
//  5. Facets count the candidates per value; without filters and with
//     df > members, they are the driver's facet blob.
//  6. A candidate matches if confirmation is not needed, or if every part
//     matches its record's title or body. It is in title (T) if every part
//     matches in the title (without confirmation: if every term is in the
//     title). Matches rank by (T desc, title units asc if T, driver bi
//     desc, doc asc): title matches first, the exact item name (the
//     shortest title containing the query) before longer titles.
//  7. Ranking (rankPage) scans the candidates in posting order. While the
//     driver is in the title, candidates are confirmed until the page has
//     enough title matches; a candidate that a term's known title
//     documents exclude, or that matches outside its title, is set aside.
//     Then the set-aside candidates, ordered by (bi desc, doc asc), are
//     merged with the remaining candidates (confirmed one at a time, one
//     ahead) by the same order. Each candidate is confirmed at most once
//     and only if its rank matters, so the client fetches few records.
//  8. If there is no match at all (page 1 of the ranking is empty), and no
//     fine range is set, the fallback ranks the documents that share the
//     most rare bigrams and characters with the query: over the postings
//     stored in the shard (the first tier) of every m-bigram and u-rune of
//     the query, a document scores w = (1 + bitlen(docs) − bitlen(df)),
//     doubled for a bigram, per term; order (score desc, title terms desc,
//     doc asc). Results say Fallback: true.
//
// Hits carry the title and an excerpt of the body (about 100 characters
// from 20 before the first match) split into fragments with the matches
// marked; see snippet.go.
//
// # Client
//
// The search page carries
//
//	<meta name="sunlight-search" content="{base}search/index.<h>.json" data-base="{base}">
//	<link rel="preload" href="{base}search/index.<h>.json" as="fetch" crossorigin>
//
// (Stats.Entry is the path), a form with data-sunlight-search and an input
// named q, and an element with id sunlight-results; it loads
// {base}assets/search.js. The client keeps its state in the query string
// (q, unit, type, category, level, year, fmin, fmax, page) and inserts text
// only as text nodes. After the page (search.js and the preloaded entry)
// a cold query needs two rounds of requests: the shards of its terms and
// meta, then the facet blob and the records to confirm and show. Overflow
// is loaded only for later pages, filters on terms with df > members, or
// when confirmation runs past the first tier.
package search
