# C types for the compiled build of _kernel.py (the .py stays plain Python;
# setup.py and aliaskit._compiled hash this file with it).
cimport cython

cdef class Memo:
    cdef public dict ids
    cdef public dict surnames
    cdef public dict givens
    cdef public dict patronymics
    cpdef long long id_of(self, object value) except -1
    cpdef Py_ssize_t size(self)

cdef class Plain:
    cdef public object features
    cdef public long long reading
    cdef public tuple reading_args
    cdef public object given_arg
    cdef public long long given
    cdef public long long patronymic
    cdef public str patronymic_text
    cdef public object gender
    cdef public object generation
    cdef public frozenset surname_keys
    cdef public object swap_keys

cdef class Seen:
    cdef public str normalized
    cdef public object features
    cdef public Plain plain

cpdef Seen seen_of(object name, Memo memo)

@cython.locals(n=Py_ssize_t, k=Py_ssize_t, x=Seen, y=Seen, px=Plain, py=Plain)
cpdef score_run(dict seen, object name_of, Memo memo, object left, object right,
                double same_form, object scores, bytearray conflicts)

@cython.locals(key="long long", score=double, weight=double, conflict=bint)
cpdef object climb(Plain a, Plain b, Memo memo)

cdef object _given(Plain a, Plain b, Memo memo)

cdef object _patronymic(Plain a, Plain b, Memo memo)

@cython.locals(key="long long")
cdef object _memoised(dict table, long long x, long long y, object verdict, object x_arg,
                      object y_arg)

cdef bint _whole_name_conflict(Plain a, Plain b) except -1
