# C types for the compiled build of _arrays.py (the .py stays plain Python;
# setup.py and aliaskit._compiled hash this file with it).
cimport cython

@cython.locals(keep=cython.uchar[:], i=Py_ssize_t, j=Py_ssize_t,
               size=Py_ssize_t, step=Py_ssize_t, hi=Py_ssize_t, mid=Py_ssize_t, value=long)
cpdef object absent(long[:] values, long[:] among)
