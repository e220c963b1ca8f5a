# C types for the compiled build of _batch_stages.py (the .py stays plain Python;
# setup.py and aliaskit._compiled hash this file with it).
cimport cython
from aliaskit._pair_rows cimport find_pair

@cython.locals(parent=long[:], size=long[:], nxt=long[:], tail=long[:], start=long[:],
               other=long[:], conflict=cython.uchar[:], link_a=long[:], link_b=long[:],
               link_s=double[:], roots=long[:], k=Py_ssize_t, ra=Py_ssize_t, rb=Py_ssize_t,
               small=Py_ssize_t, large=Py_ssize_t, least=double, u=Py_ssize_t, n=Py_ssize_t,
               score=double[:], must=double)
cpdef object greedy_roots(tuple links, object rows, object units, double floor, object score_now)

cdef Py_ssize_t _find(long[:] parent, Py_ssize_t x)

cdef void _union(long[:] parent, long[:] size, long[:] nxt, long[:] tail, Py_ssize_t ra,
                 Py_ssize_t rb)

@cython.locals(x=Py_ssize_t, pos=Py_ssize_t)
cdef bint _blocked(long[:] parent, long[:] nxt, long[:] start, long[:] other,
                   unsigned char[:] conflict, Py_ssize_t small, Py_ssize_t large)

cdef double _mean_link(long[:] parent, long[:] size, long[:] nxt, long[:] start, long[:] other,
                       double[:] score, unsigned char[:] conflict, Py_ssize_t small,
                       Py_ssize_t large, dict extra, object score_now) except? -2.0

@cython.locals(x=Py_ssize_t, y=Py_ssize_t, pos=Py_ssize_t)
cdef list _cross_values(long[:] start, long[:] other, double[:] score, unsigned char[:] conflict,
                        long[:] nxt, Py_ssize_t small, Py_ssize_t large, dict extra,
                        object score_now)

@cython.locals(x=Py_ssize_t, pos=Py_ssize_t)
cdef list _kept_values(long[:] parent, long[:] start, long[:] other, double[:] score,
                       unsigned char[:] conflict, long[:] nxt, Py_ssize_t small,
                       Py_ssize_t large)

@cython.locals(start=long[:], other=long[:], score=double[:], conflict=cython.uchar[:],
               placed=long[:], root_=long[:], weak_=cython.uchar[:], w=Py_ssize_t,
               pos=Py_ssize_t, y=Py_ssize_t)
cpdef object placed_roots(object rows, object weak, object root)
