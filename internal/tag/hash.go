package tag

// Feature keys are 64-bit hashes: strings are hashed once per token with
// FNV-1a and combined with mix, so extracting a token's features allocates
// nothing and never touches a Go map. At 64 bits, collisions among the
// ~10^6 features of a model are negligible (p ≈ 10^-7).

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashBytes is FNV-1a over b, seeded with a template byte.
func hashBytes(seed byte, b []byte) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(seed)) * fnvPrime
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// hashString is hashBytes for a string.
func hashString(seed byte, s string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(seed)) * fnvPrime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// mix combines two hashes (order matters) with a splitmix64 finalizer.
func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ (b + 0x632BE59BD9B4E019)
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

func mix3(a, b, c uint64) uint64 { return mix(mix(a, b), c) }

// table is an open-addressing hash table from a non-zero 64-bit key to a
// uint32 value (linear probing, power-of-two size, load ≤ 0.5). It is
// read-only after building, so concurrent lookups are safe.
type table struct {
	mask  uint64
	shift uint
	keys  []uint64
	vals  []uint32
}

func newTable(n int) *table {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	return &table{mask: uint64(size - 1), shift: 64 - bits, keys: make([]uint64, size), vals: make([]uint32, size)}
}

// slot is the home slot of key k in a table of 2^(64-shift) slots:
// Fibonacci hashing takes the high bits of k·φ, which depend on every bit
// of k (the low bits of an FNV hash of a short string do not).
func slot(k uint64, shift uint) uint64 { return (k * 0x9E3779B97F4A7C15) >> shift }

func fixKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// put sets key k to v (replacing an earlier value).
func (t *table) put(k uint64, v uint32) {
	k = fixKey(k)
	i := slot(k, t.shift)
	for {
		switch t.keys[i] {
		case 0:
			t.keys[i] = k
			t.vals[i] = v
			return
		case k:
			t.vals[i] = v
			return
		}
		i = (i + 1) & t.mask
	}
}

// get returns the value for key k.
func (t *table) get(k uint64) (uint32, bool) {
	k = fixKey(k)
	i := slot(k, t.shift)
	for {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
		i = (i + 1) & t.mask
	}
}

// interner returns a function that numbers strings by their place in
// *table: a string already there keeps its number, a new one is appended.
// A model's string table is built with it and stored once.
func interner(table *[]string) func(string) uint32 {
	idx := make(map[string]uint32, len(*table))
	for i, s := range *table {
		if _, ok := idx[s]; !ok {
			idx[s] = uint32(i)
		}
	}
	return func(s string) uint32 {
		if i, ok := idx[s]; ok {
			return i
		}
		i := uint32(len(*table))
		*table = append(*table, s)
		idx[s] = i
		return i
	}
}
