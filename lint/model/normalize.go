package model

import "reflect"

// Normalize replaces every nil slice and map reachable from v (a pointer) with an empty
// one, so that in Rego a list is always a list: `count(x.searches)` works without
// guarding against null. Optional objects stay null.
func Normalize(v any) { normalize(reflect.ValueOf(v)) }

func normalize(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			normalize(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				normalize(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() && v.CanSet() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
		for i := range v.Len() {
			normalize(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() && v.CanSet() && v.Type().Key().Kind() == reflect.String && v.Type().Elem().Kind() != reflect.Interface {
			v.Set(reflect.MakeMap(v.Type()))
		}
	}
}
