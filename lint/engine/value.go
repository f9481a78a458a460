package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// toValue converts a Go value to the ast.Value that ast.InterfaceToValue would make of
// it, without its JSON round trip: it follows encoding/json's rules (json tags, omitempty,
// "-", nil pointers and slices as null, maps with string keys) over reflection, with one
// encoder per type built once. Converting the model of a run this way costs a fraction of
// marshalling it to JSON and parsing that back.
func toValue(v any) (ast.Value, error) {
	t, err := newConverter().encode(reflect.ValueOf(v))
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

type encoder func(*converter, reflect.Value) (*ast.Term, error)

// converter holds what one conversion shares between the terms it makes: every distinct
// string once (file names, plugin names and keywords repeat throughout a run's model).
// Small integers, booleans and null come from OPA's interned terms. Terms are immutable,
// so sharing them is safe; it takes a run's input from several hundred MB to a fraction.
type converter struct {
	strings map[string]*ast.Term
}

func newConverter() *converter { return &converter{strings: map[string]*ast.Term{}} }

func (c *converter) str(s string) *ast.Term {
	t, ok := c.strings[s]
	if !ok {
		t = ast.StringTerm(s)
		c.strings[s] = t
	}
	return t
}

var (
	encoders sync.Map // reflect.Type → encoder, complete
	building sync.Mutex
	pending  = map[reflect.Type]encoder{} // under building: encoders being built
)

var (
	jsonNumberType = reflect.TypeFor[json.Number]()
	marshalerType  = reflect.TypeFor[json.Marshaler]()
)

func (c *converter) encode(v reflect.Value) (*ast.Term, error) {
	if !v.IsValid() {
		return ast.InternedNullTerm, nil
	}
	return encoderFor(v.Type())(c, v)
}

func encoderFor(t reflect.Type) encoder {
	if e, ok := encoders.Load(t); ok {
		return e.(encoder)
	}
	building.Lock()
	defer building.Unlock()
	return buildEncoder(t)
}

// buildEncoder runs under building. A recursive type (Directive.Block holds Directives)
// meets its own pending indirection while its encoder is built; nothing outside the lock
// sees an encoder before it is complete.
func buildEncoder(t reflect.Type) encoder {
	if e, ok := encoders.Load(t); ok {
		return e.(encoder)
	}
	if e, ok := pending[t]; ok {
		return e
	}
	var built encoder
	pending[t] = func(c *converter, v reflect.Value) (*ast.Term, error) { return built(c, v) }
	built = newEncoder(t)
	delete(pending, t)
	encoders.Store(t, built)
	return built
}

func newEncoder(t reflect.Type) encoder {
	if t == jsonNumberType {
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			if v.String() == "" {
				return ast.NumberTerm("0"), nil // as encoding/json writes it
			}
			return ast.NumberTerm(json.Number(v.String())), nil
		}
	}
	if t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType) {
		return viaJSON
	}
	switch t.Kind() {
	case reflect.String:
		return func(c *converter, v reflect.Value) (*ast.Term, error) { return c.str(v.String()), nil }
	case reflect.Bool:
		return func(_ *converter, v reflect.Value) (*ast.Term, error) { return ast.InternedTerm(v.Bool()), nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(_ *converter, v reflect.Value) (*ast.Term, error) {
			if i := v.Int(); i >= 0 && i <= 512 {
				return ast.InternedTerm(int(i)), nil
			}
			return ast.NumberTerm(json.Number(strconv.FormatInt(v.Int(), 10))), nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			return ast.NumberTerm(json.Number(strconv.FormatUint(v.Uint(), 10))), nil
		}
	case reflect.Float32, reflect.Float64:
		return func(c *converter, v reflect.Value) (*ast.Term, error) { // encoding/json's formatting, exactly
			b, err := json.Marshal(v.Interface())
			if err != nil {
				return nil, err
			}
			return ast.NumberTerm(json.Number(b)), nil
		}
	case reflect.Pointer, reflect.Interface:
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			if v.IsNil() {
				return ast.InternedNullTerm, nil
			}
			return c.encode(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return viaJSON // []byte is base64 text in JSON
		}
		elem := buildEncoder(t.Elem())
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			if v.Kind() == reflect.Slice && v.IsNil() {
				return ast.InternedNullTerm, nil
			}
			if v.Len() == 0 {
				return ast.InternedEmptyArray, nil
			}
			terms := make([]*ast.Term, v.Len())
			for i := range terms {
				var err error
				if terms[i], err = elem(c, v.Index(i)); err != nil {
					return nil, err
				}
			}
			return ast.ArrayTerm(terms...), nil
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return viaJSON
		}
		elem := buildEncoder(t.Elem())
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			if v.IsNil() {
				return ast.InternedNullTerm, nil
			}
			pairs := make([][2]*ast.Term, 0, v.Len())
			for it := v.MapRange(); it.Next(); {
				val, err := elem(c, it.Value())
				if err != nil {
					return nil, err
				}
				pairs = append(pairs, [2]*ast.Term{c.str(it.Key().String()), val})
			}
			return ast.ObjectTerm(pairs...), nil
		}
	case reflect.Struct:
		return structEncoder(t)
	default:
		return func(*converter, reflect.Value) (*ast.Term, error) {
			return nil, fmt.Errorf("engine: cannot give a %s to Rego", t)
		}
	}
}

type field struct {
	index     int
	key       *ast.Term
	omitEmpty bool
	encode    encoder
}

// structEncoder encodes the exported fields of a struct by their json tags. Embedded
// structs are not flattened: the model has none, and structEncoder refuses them rather
// than encoding them differently from encoding/json.
func structEncoder(t reflect.Type) encoder {
	var fields []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous {
			return func(*converter, reflect.Value) (*ast.Term, error) {
				return nil, fmt.Errorf("engine: %s embeds %s: embedded fields are not supported", t, f.Type)
			}
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fields = append(fields, field{
			index: i, key: ast.StringTerm(name), omitEmpty: hasOption(opts, "omitempty"), encode: buildEncoder(f.Type),
		})
	}
	return func(c *converter, v reflect.Value) (*ast.Term, error) {
		pairs := make([][2]*ast.Term, 0, len(fields))
		for _, f := range fields {
			fv := v.Field(f.index)
			if f.omitEmpty && isEmpty(fv) {
				continue
			}
			val, err := f.encode(c, fv)
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, [2]*ast.Term{f.key, val})
		}
		return ast.ObjectTerm(pairs...), nil
	}
}

func hasOption(opts, want string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// viaJSON converts the rare values whose JSON form is not plain (floats, []byte, custom
// marshalers) the way ast.InterfaceToValue does.
func viaJSON(_ *converter, v reflect.Value) (*ast.Term, error) {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return nil, err
	}
	val, err := ast.ValueFromReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(val), nil
}
